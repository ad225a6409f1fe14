namespace CaseManagement.Application.Outcomes.Queries.GetCohortReport;

public sealed class GetCohortReportValidator : AbstractValidator<GetCohortReport>
{
    public GetCohortReportValidator() => this.ForPeriod(r => r.From, r => r.To);
}
