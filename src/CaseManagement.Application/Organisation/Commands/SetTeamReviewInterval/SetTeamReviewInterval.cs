using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Organisation.Commands.SetTeamReviewInterval;

/// <summary>How often the team reviews each child's plan, in weeks; a case allocated from now on takes its first review date from it.</summary>
[Authorize(Roles.Administrator)]
public sealed record SetTeamReviewInterval(Guid TeamId, int Weeks) : ICommand<Unit>;

public sealed class SetTeamReviewIntervalValidator : AbstractValidator<SetTeamReviewInterval>
{
    public SetTeamReviewIntervalValidator()
    {
        RuleFor(r => r.TeamId).NotEmpty().WithMessage("Select the team.");
        RuleFor(r => r.Weeks).InclusiveBetween(1, 26).WithMessage("The review interval must be a whole number of weeks from 1 to 26.");
    }
}

public sealed class SetTeamReviewIntervalHandler(IApplicationDbContext db) : IRequestHandler<SetTeamReviewInterval, Unit>
{
    public async Task<Unit> Handle(SetTeamReviewInterval request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == request.TeamId, cancellationToken) ?? throw NotFoundException.For("Team", request.TeamId);
        team.SetReviewInterval(request.Weeks * 7);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
