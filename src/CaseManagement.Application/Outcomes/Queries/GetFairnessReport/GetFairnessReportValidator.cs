namespace CaseManagement.Application.Outcomes.Queries.GetFairnessReport;

public sealed class GetFairnessReportValidator : AbstractValidator<GetFairnessReport>
{
    public GetFairnessReportValidator() => this.ForPeriod(r => r.From, r => r.To);
}
