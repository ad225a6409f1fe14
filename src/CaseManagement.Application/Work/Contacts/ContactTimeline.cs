using System.Globalization;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Work.Contacts;

/// <summary>
/// A contact's timeline entry keeps only the contact's id; the timeline reads the contact as it stands now (its kind,
/// outcome and summary, corrected or not), so an edit never leaves an old summary behind. The sensitive notes are never
/// read here: the timeline is for everyone on the case.
/// </summary>
public static class ContactTimeline
{
    /// <summary>The detail a contact's entry reads as: "<c>{ContactKind}:{ContactOutcome}</c>", and the summary as its notes.</summary>
    public static async Task FillAsync(IApplicationDbContext db, List<TimelineItemDto> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Where(i => i.Kind == nameof(TimelineKind.ContactRecorded) && i.Detail is not null)
            .Select(i => Guid.Parse(i.Detail!, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Kind, c.Outcome, c.Summary }).ToDictionaryAsync(c => c.Id, cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind == nameof(TimelineKind.ContactRecorded) && items[i].Detail is { } detail
                && contacts.TryGetValue(Guid.Parse(detail, CultureInfo.InvariantCulture), out var contact))
            {
                items[i] = items[i] with { Detail = $"{contact.Kind}:{contact.Outcome}", Notes = contact.Summary };
            }
        }
    }
}
