using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Commands.SetTeamNoContactDays;

public sealed class SetTeamNoContactDaysValidator : AbstractValidator<SetTeamNoContactDays>
{
    public SetTeamNoContactDaysValidator()
    {
        RuleFor(r => r.TeamId).NotEmpty().WithMessage("Select the team.");
        RuleFor(r => r.Days).InclusiveBetween(1, Team.MostNoContactFlagDays).WithMessage("The number of days must be a whole number from 1 to 90.");
    }
}
