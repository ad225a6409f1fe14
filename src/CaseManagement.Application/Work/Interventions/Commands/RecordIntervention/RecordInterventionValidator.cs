namespace CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;

public sealed class RecordInterventionValidator : AbstractValidator<RecordIntervention>
{
    public RecordInterventionValidator()
    {
        RuleFor(i => i.KindId).NotNull().WithMessage("Choose the kind of intervention.");
        Include(new InterventionFieldsValidator());
    }
}
