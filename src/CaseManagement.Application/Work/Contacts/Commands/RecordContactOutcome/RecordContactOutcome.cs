using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Commands.RecordContactOutcome;

/// <summary>
/// Says what became of a contact (attended, did not attend, cancelled, rearranged), or corrects it. Rearranging makes
/// the new planned contact, whose id is answered.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record RecordContactOutcome(
    Guid CaseId,
    Guid ContactId,
    int? Revision,
    ContactOutcome? Outcome,
    ContactCancelledBy? CancelledBy = null,
    string? CancelReason = null,
    DateOnly? NewDay = null,
    TimeOnly? NewTime = null,
    string? Summary = null) : ICommand<ContactOutcomeResult>, IOutcomeFields;

/// <summary>The new planned contact, when the contact was rearranged.</summary>
public sealed record ContactOutcomeResult(Guid? RearrangedToContactId);

public sealed class RecordContactOutcomeHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordContactOutcome, ContactOutcomeResult>
{
    public async Task<ContactOutcomeResult> Handle(RecordContactOutcome request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenAccessException();
        var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var contact = await db.ContactForChangeAsync(user, onCase, request.ContactId, request.Revision, cancellationToken);
        var day = DateOnly.FromDateTime(ContactAccess.UkOf(contact.StartsAtUtc));
        var now = clock.GetUtcNow().UtcDateTime;
        var rearranged = contact.SetOutcome(
            onCase, day, request.Outcome!.Value, request.CancelledBy, request.CancelReason, request.Summary,
            ContactAccess.RearrangedTo(request, contact.AsDetails()), now, userId);
        if (rearranged is not null)
        {
            db.Contacts.Add(rearranged);
            await db.LinkInterventionsAsync(onCase, contact, null, rearranged, now, cancellationToken);
        }

        await db.RecountAsync(onCase, contact, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ContactOutcomeResult(rearranged?.Id);
    }
}
