namespace CaseManagement.Application.Work.Interventions.Commands.AddInterventionKind;

public sealed class AddInterventionKindValidator : AbstractValidator<AddInterventionKind>
{
    public AddInterventionKindValidator() => Include(new InterventionKindNamesValidator());
}
