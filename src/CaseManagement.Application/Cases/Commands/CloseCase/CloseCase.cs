using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.CloseCase;

/// <summary>Closes the case with a reason and the exit plan: the universal services the child returns to.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record CloseCase(Guid CaseId, ClosureReason? Reason, DateOnly ClosedOn, IReadOnlyList<UniversalService> ExitServices, string? ExitPlan) : ICommand<Unit>;

public sealed class CloseCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CloseCase, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(CloseCase request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.Close(request.Reason!.Value, request.ClosedOn, request.ExitServices.Where(s => s != UniversalService.None).ToList(), request.ExitPlan, Now, user.UserId), cancellationToken);
}
