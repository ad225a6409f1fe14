using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.AddExitSupport;

/// <summary>Adds to the exit plan a universal service or a person who stays with the child, and what they do; answers its id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AddExitSupport(Guid CaseId, ExitSupportKind? Kind, UniversalService? Service, string? Name, string WhatTheyDo) : ICommand<Guid>, IRunsAgainAfterALostRace;

public sealed class AddExitSupportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddExitSupport, Guid>
{
    public Task<Guid> Handle(AddExitSupport request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
            plan.AddExitSupport(@case, request.Kind!.Value, request.Service, request.Name, request.WhatTheyDo, now, user.UserId).Id, cancellationToken);
}
