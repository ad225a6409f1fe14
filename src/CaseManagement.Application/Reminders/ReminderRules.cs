using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Reminders;

/// <summary>An open, allocated case with a review date, as the reminder rules need it.</summary>
public sealed record CaseForReminder(Guid CaseId, Guid TeamId, Guid CaseManagerUserId, DateOnly ReviewDue);

/// <summary>One reminder the rules say is owed: what, to whom, about which case and review date.</summary>
public sealed record DueReminder(NotificationKind Kind, Guid RecipientUserId, Guid CaseId, Guid TeamId, DateOnly ReviewDue)
{
    public string Key => Notification.KeyFor(Kind, CaseId, ReviewDue, RecipientUserId);
}

/// <summary>
/// Which reminders a case is owed on a given day. The rules are stateless: every run works out everything owed today,
/// and the unique key of each notification is what stops a second copy. So a run that was missed (the server was down
/// during the due-soon window) still sends what is owed now, and nothing that is no longer true.
/// </summary>
public static class ReminderRules
{
    public static IReadOnlyList<DueReminder> For(CaseForReminder @case, DateOnly today, ReminderSettings settings, IReadOnlyCollection<Guid> teamManagerIds)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(teamManagerIds);
        var reminders = new List<DueReminder>();
        var due = @case.ReviewDue;
        if (today > due)
        {
            reminders.Add(new DueReminder(NotificationKind.ReviewOverdue, @case.CaseManagerUserId, @case.CaseId, @case.TeamId, due));
            if (today > due.AddDays(settings.EscalateAfterDays))
            {
                reminders.AddRange(teamManagerIds.Distinct().Select(manager => new DueReminder(NotificationKind.ReviewEscalation, manager, @case.CaseId, @case.TeamId, due)));
            }
        }
        else if (today >= due.AddDays(-settings.DueSoonDays))
        {
            reminders.Add(new DueReminder(NotificationKind.ReviewDueSoon, @case.CaseManagerUserId, @case.CaseId, @case.TeamId, due));
        }

        return reminders;
    }
}
