using CaseManagement.Application.Work;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordLaterOffence;

/// <summary>
/// Records an offence the team learned of after (or during) its work, with its date, type, gravity score, source and
/// what the justice system did. Each is kept: the case's outcome is worked out from all of them. Answers its id.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordLaterOffence(
    Guid CaseId,
    DateOnly? OffenceOn,
    string? OffenceType,
    int? GravityScore,
    LaterOffenceSource? Source,
    LaterOffenceOutcome? Outcome,
    DateOnly? OutcomeOn) : ICommand<Guid>;

public sealed class RecordLaterOffenceHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordLaterOffence, Guid>
{
    public async Task<Guid> Handle(RecordLaterOffence request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var offence = LaterOffence.Record(@case, request.OffenceOn!.Value, request.OffenceType!, request.GravityScore!.Value, request.Source!.Value, request.Outcome ?? LaterOffenceOutcome.NotYetKnown, request.OutcomeOn, clock.GetUtcNow().UtcDateTime, user.UserId);
        db.LaterOffences.Add(offence);
        await db.SaveChangesAsync(cancellationToken);
        return offence.Id;
    }
}
