namespace CaseManagement.Application.Outcomes.Queries.ListCohortChildren;

public sealed class ListCohortChildrenValidator : AbstractValidator<ListCohortChildren>
{
    public ListCohortChildrenValidator()
    {
        this.ForPeriod(r => r.From, r => r.To);
        RuleFor(r => r).Must(r => CohortFigures.Known(r.Figure, r.Measure, r.Direction)).WithName("Figure").WithMessage("Choose a figure of the report.");
    }
}
