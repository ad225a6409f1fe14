namespace CaseManagement.Application.Outcomes.Queries.ListKpiChildren;

public sealed class ListKpiChildrenValidator : AbstractValidator<ListKpiChildren>
{
    public ListKpiChildrenValidator()
    {
        this.ForQuarter(r => r.Year, r => r.Quarter);
        RuleFor(r => r.Stage).IsInEnum().WithMessage("Choose the start or the end.");
        RuleFor(r => r).Must(r => (r.Kpi == DisposalMeasures.Kpi && r.Measure is DisposalMeasures.WithOutcome or DisposalMeasures.Completed) || KpiMeasures.Find(r.Kpi, r.Measure) is not null)
            .WithName("Measure").WithMessage("Choose a measure of the return.");
    }
}
