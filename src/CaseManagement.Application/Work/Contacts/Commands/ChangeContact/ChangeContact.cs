using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Commands.ChangeContact;

/// <summary>
/// Corrects a contact's details, by whoever recorded it or by the team; the audit trail keeps each change. The
/// <see cref="Revision"/> read with the contact makes a correction made meanwhile by someone else a conflict, not lost.
/// <see cref="InterventionIds"/> are the interventions it served (null leaves them as they are).
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ChangeContact(
    Guid CaseId,
    Guid ContactId,
    int? Revision,
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
    IReadOnlyList<Guid>? InterventionIds = null) : ICommand<Unit>, IContactFields;

public sealed class ChangeContactHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<ChangeContact, Unit>
{
    public async Task<Unit> Handle(ChangeContact request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenAccessException();
        var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var contact = await db.ContactForChangeAsync(user, onCase, request.ContactId, request.Revision, cancellationToken);
        var details = ContactAccess.DetailsOf(request, userId);
        if (!user.SeesSensitiveNotes(contact.TeamId, contact.RecordedByUserId))
        {
            // Cannot happen through the form (only whoever may read the notes may change the contact); kept so a rule change never wipes them.
            details = details with { SensitiveNotes = contact.SensitiveNotes };
        }

        await db.CheckPeopleAndGoalsAsync(users, user, onCase, details, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Change(details, now, userId);
        await db.LinkInterventionsAsync(onCase, contact, request.InterventionIds, null, now, cancellationToken);
        await db.RecountAsync(onCase, contact, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
