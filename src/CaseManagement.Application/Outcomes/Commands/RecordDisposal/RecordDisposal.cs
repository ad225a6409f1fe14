using CaseManagement.Application.Work;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordDisposal;

/// <summary>
/// Records the incident or behaviour that led to the referral, with its gravity score and any out-of-court outcome
/// (its date and, once known, whether the child completed it), and the Turnaround trigger event where the team runs
/// Turnaround. Answers the disposal's id.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordDisposal(
    Guid CaseId,
    string? Incident,
    DateOnly? IncidentOn,
    int? GravityScore,
    OutOfCourtOutcome? Outcome,
    DateOnly? OutcomeOn,
    bool? Completed,
    string? TurnaroundTrigger,
    DateOnly? TurnaroundTriggerOn) : ICommand<Guid>;

public sealed class RecordDisposalHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordDisposal, Guid>
{
    public async Task<Guid> Handle(RecordDisposal request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var disposal = Disposal.Record(@case, request.Incident!, request.IncidentOn!.Value, request.GravityScore!.Value, request.Outcome, request.OutcomeOn, now, user.UserId);
        if (request.Completed is { } completed)
        {
            disposal.RecordCompletion(completed, now, user.UserId);
        }

        var born = await db.Children.Where(c => c.Id == @case.ChildId).Select(c => c.DateOfBirth).SingleAsync(cancellationToken);
        disposal.RecordTurnaround(request.TurnaroundTrigger, request.TurnaroundTriggerOn, born, now);
        db.Disposals.Add(disposal);
        await db.SaveChangesAsync(cancellationToken);
        return disposal.Id;
    }
}
