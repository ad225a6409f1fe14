namespace CaseManagement.Application.Outcomes.Commands.SetTeamOutcomeFollowUp;

public sealed class SetTeamOutcomeFollowUpValidator : AbstractValidator<SetTeamOutcomeFollowUp>
{
    public SetTeamOutcomeFollowUpValidator() =>
        RuleFor(r => r.Months).InclusiveBetween(1, 36).WithMessage("The follow-up must be a whole number of months from 1 to 36.");
}
