using System.Globalization;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Web.Pages.Timeline;

/// <summary>The sentence a timeline item reads as, in the page's language.</summary>
public static class TimelineText
{
    public static string Title(TimelineItemDto item, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        if (item.Kind == nameof(TimelineKind.PractitionerEntry))
        {
            return item.Title ?? string.Empty;
        }

        var detail = item.Kind switch
        {
            nameof(TimelineKind.CaseDetailsChanged) => text[$"InterventionType.{item.Detail}"].Value,
            nameof(TimelineKind.EngagementRecorded) => text[$"EngagementStatus.{item.Detail}"].Value,
            nameof(TimelineKind.CaseClosed) => text[$"ClosureReason.{item.Detail}"].Value,
            nameof(TimelineKind.ReviewHeld) => text[$"ReviewDecision.{item.Detail}"].Value,
            nameof(TimelineKind.LaterOffendingRecorded) => text[$"LaterOffending.{item.Detail}"].Value,
            nameof(TimelineKind.PriorityChanged) => text[$"AllocationPriority.{item.Detail}"].Value,
            nameof(TimelineKind.MeetingHeld) => text[$"MeetingKind.{item.Detail}"].Value,
            nameof(TimelineKind.ReviewDateSet) when DateOnly.TryParseExact(item.Detail, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) => Partials.Display.Date(due),
            nameof(TimelineKind.ContactRecorded) when item.Detail?.Split(':') is [var kind, var outcome] => $"{text[$"ContactKind.{kind}"].Value}, {text[$"ContactOutcome.{outcome}"].Value}",
            _ when item.Kind.StartsWith("Referral", StringComparison.Ordinal) => text[$"ReferralSource.{item.Detail}"].Value,
            _ when item.Kind.StartsWith("OnwardReferral", StringComparison.Ordinal) => text[$"OnwardService.{item.Detail}"].Value,
            _ => item.Detail ?? string.Empty,
        };
        return string.Format(CultureInfo.CurrentCulture, text[$"TimelineKind.{item.Kind}"], detail, item.Reference);
    }

    public static string When(TimelineItemDto item, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        var date = item.DateIsApproximate
            ? string.Format(CultureInfo.CurrentCulture, text["Timeline.About"], item.OccurredOn.ToString("MMMM yyyy", CultureInfo.CurrentCulture))
            : Partials.Display.Date(item.OccurredOn);
        return string.Format(CultureInfo.CurrentCulture, text["Timeline.WhenAged"], date, item.AgeAtEvent);
    }
}
