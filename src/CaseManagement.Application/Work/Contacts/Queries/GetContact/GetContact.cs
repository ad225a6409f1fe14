using CaseManagement.Application.Cases;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Queries.GetContact;

/// <summary>One contact of a case, in full; its sensitive notes only for the team and whoever wrote them.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetContact(Guid CaseId, Guid ContactId) : IRequest<ContactDto?>;

/// <summary>
/// A contact in full. <see cref="SensitiveNotes"/> is null for a reader who may not see them, exactly as when there are
/// none, so a seconded practitioner cannot tell whether there are any. <see cref="Interventions"/> are those it was a
/// session of.
/// </summary>
public sealed record ContactDto(
    Guid Id,
    Guid CaseId,
    Guid ChildId,
    DateTime StartsAtUtc,
    int LengthMinutes,
    ContactKind Kind,
    string? Place,
    bool ChildTookPart,
    string? ParentsOrCarers,
    IReadOnlyList<ContactProfessional> Professionals,
    IReadOnlyList<PersonRef> Workers,
    IReadOnlyList<GoalRef> Goals,
    ContactOutcome Outcome,
    ContactCancelledBy? CancelledBy,
    string? CancelReason,
    Guid? RearrangedToContactId,
    Guid? RearrangedFromContactId,
    string? Summary,
    string? SensitiveNotes,
    string? RecordedBy,
    DateTime RecordedAtUtc,
    string? UpdatedBy,
    DateTime UpdatedAtUtc,
    int Revision,
    bool CanChange,
    IReadOnlyList<ContactInterventionDto> Interventions);

public sealed record GoalRef(Guid Id, string Description);

public sealed class GetContactHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit) : IRequestHandler<GetContact, ContactDto?>
{
    public async Task<ContactDto?> Handle(GetContact request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var c = await db.Contacts.AsNoTracking().Include(x => x.Workers).Include(x => x.Goals).Include(x => x.Professionals)
            .Where(x => x.Id == request.ContactId && x.CaseId == request.CaseId && cases.Any(k => k.Id == x.CaseId))
            .SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var goalIds = c.Goals.Select(g => g.GoalId).ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).Select(g => new GoalRef(g.Id, g.Description)).ToListAsync(cancellationToken);
        var interventions = await ContactInterventionDto.ReadAsync(db, db.Interventions.Where(i => i.CaseId == c.CaseId && i.Sessions.Any(s => s.ContactId == c.Id)), cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "Contact", c.Id.ToString(), c.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return new ContactDto(
            c.Id, c.CaseId, c.ChildId, c.StartsAtUtc, c.LengthMinutes, c.Kind, c.Place, c.ChildTookPart, c.ParentsOrCarers,
            c.Professionals.OrderBy(p => p.Position).Select(p => new ContactProfessional(p.Name, p.Agency)).ToList(),
            c.Workers.Select(w => new PersonRef(w.UserId, names.GetValueOrDefault(w.UserId))).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(),
            goals, c.Outcome, c.CancelledBy, c.CancelReason, c.RearrangedToContactId, c.RearrangedFromContactId, c.Summary,
            user.SeesSensitiveNotes(c.TeamId, c.RecordedByUserId) ? c.SensitiveNotes : null,
            names.GetValueOrDefault(c.RecordedByUserId), c.RecordedAtUtc, names.GetValueOrDefault(c.UpdatedByUserId), c.UpdatedAtUtc, c.Revision,
            user.MayChangeContact(c.TeamId, c.RecordedByUserId), interventions);
    }
}
