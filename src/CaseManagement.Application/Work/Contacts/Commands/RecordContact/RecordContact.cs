using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Commands.RecordContact;

/// <summary>
/// Records a contact on a case, held or planned, by anyone on the case (seconded staff included); answers its id. The
/// <see cref="ContactId"/> is the form's own key: sending the same one again answers with the contact it made.
/// <see cref="InterventionIds"/> are the case's interventions (planned or started) it was a session of.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record RecordContact(
    Guid CaseId,
    Guid ContactId,
    DateOnly? Day,
    TimeOnly? Time,
    int? LengthMinutes,
    ContactKind? Kind,
    string? Place,
    bool ChildTookPart,
    string? ParentsOrCarers,
    IReadOnlyList<ContactProfessional>? Professionals,
    IReadOnlyList<Guid>? WorkerIds,
    IReadOnlyList<Guid>? GoalIds,
    string? Summary,
    string? SensitiveNotes,
    ContactOutcome? Outcome,
    ContactCancelledBy? CancelledBy = null,
    string? CancelReason = null,
    DateOnly? NewDay = null,
    TimeOnly? NewTime = null,
    IReadOnlyList<Guid>? InterventionIds = null) : ICommand<Guid>, IIdempotentCommand, IContactFields, IOutcomeFields;

public sealed class RecordContactHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<RecordContact, Guid>
{
    public async Task<Guid> Handle(RecordContact request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenAccessException();
        var earlier = await db.Contacts.AsNoTracking().Where(c => c.Id == request.ContactId).Select(c => new { c.CaseId, c.RecordedByUserId }).SingleOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            // The same form sent twice answers with what the first send made; someone else's key finds nothing of theirs.
            return earlier.CaseId == request.CaseId && earlier.RecordedByUserId == userId
                ? request.ContactId
                : throw new Domain.Common.DomainRuleException("This form has already been used. Start a new contact.");
        }

        var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var details = ContactAccess.DetailsOf(request, userId);
        await db.CheckPeopleAndGoalsAsync(users, user, onCase, details, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (contact, rearranged) = Contact.Record(
            request.ContactId, onCase, details, request.Outcome!.Value, request.CancelledBy, request.CancelReason,
            ContactAccess.RearrangedTo(request, details), now, userId);
        db.Contacts.Add(contact);
        if (rearranged is not null)
        {
            db.Contacts.Add(rearranged);
        }

        await db.LinkInterventionsAsync(onCase, contact, request.InterventionIds ?? [], rearranged, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}
