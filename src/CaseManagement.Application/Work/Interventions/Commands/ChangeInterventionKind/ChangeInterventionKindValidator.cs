namespace CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionKind;

public sealed class ChangeInterventionKindValidator : AbstractValidator<ChangeInterventionKind>
{
    public ChangeInterventionKindValidator() => Include(new InterventionKindNamesValidator());
}
