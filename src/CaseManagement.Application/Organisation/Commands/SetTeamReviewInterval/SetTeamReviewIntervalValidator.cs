namespace CaseManagement.Application.Organisation.Commands.SetTeamReviewInterval;

public sealed class SetTeamReviewIntervalValidator : AbstractValidator<SetTeamReviewInterval>
{
    public SetTeamReviewIntervalValidator()
    {
        RuleFor(r => r.TeamId).NotEmpty().WithMessage("Select the team.");
        RuleFor(r => r.Weeks).InclusiveBetween(1, 26).WithMessage("The review interval must be a whole number of weeks from 1 to 26.");
    }
}
