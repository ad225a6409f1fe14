namespace CaseManagement.Application.Dashboard.Queries.GetOutcomeFigures;

public sealed class GetOutcomeFiguresValidator : AbstractValidator<GetOutcomeFigures>
{
    public GetOutcomeFiguresValidator() => this.ForPeriod(q => q.From, q => q.To);
}
