namespace CaseManagement.Application.Outcomes.Queries.GetKpiReport;

public sealed class GetKpiReportValidator : AbstractValidator<GetKpiReport>
{
    public GetKpiReportValidator() => this.ForQuarter(r => r.Year, r => r.Quarter);
}
