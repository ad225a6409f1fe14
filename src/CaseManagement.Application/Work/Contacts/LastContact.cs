using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts;

/// <summary>
/// Puts the case's last contact right after a contact's outcome, date or people changed (decision 0039): the latest
/// attended contact the child took part in, of the rows as they will be saved.
/// </summary>
internal static class LastContact
{
    internal static async Task RecountAsync(this IApplicationDbContext db, ChildCase onCase, Contact changed, CancellationToken cancellationToken)
    {
        var others = await db.Contacts.Where(c => c.CaseId == onCase.Id && c.Id != changed.Id && c.Outcome == ContactOutcome.Attended && c.ChildTookPart)
            .MaxAsync(c => (DateTime?)c.StartsAtUtc, cancellationToken);
        var own = changed.Outcome == ContactOutcome.Attended && changed.ChildTookPart ? changed.StartsAtUtc : (DateTime?)null;
        var latest = others > own || own is null ? others : own;
        onCase.ContactsRecounted(latest is { } at ? DateOnly.FromDateTime(ContactAccess.UkOf(at)) : null);
    }
}
