namespace CaseManagement.Application.Dashboard.Queries.GetTeamWork;

public sealed class GetTeamWorkValidator : AbstractValidator<GetTeamWork>
{
    public GetTeamWorkValidator() => this.ForPeriod(q => q.From, q => q.To);
}
