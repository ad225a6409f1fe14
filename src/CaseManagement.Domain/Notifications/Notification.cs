using System.Globalization;

namespace CaseManagement.Domain.Notifications;

/// <summary>What a notification is about: a review reminder, or a step of an assessment.</summary>
public enum NotificationKind
{
    /// <summary>The case's next review is due within the reminder window.</summary>
    ReviewDueSoon,

    /// <summary>The review date has passed and no review was held.</summary>
    ReviewOverdue,

    /// <summary>Sent to the team's managers: the review is overdue by more than the grace period.</summary>
    ReviewEscalation,

    /// <summary>Sent to the team's managers (but not the one who submitted it): an assessment waits for countersigning.</summary>
    AssessmentSubmitted,

    /// <summary>Sent to the assessment's author: a manager returned it with comments.</summary>
    AssessmentReturned,

    /// <summary>Sent to the assessment's author: a manager countersigned it.</summary>
    AssessmentCountersigned,
}

/// <summary>
/// A message to one person in the app (and, where e-mail is on, by e-mail too). A reminder is identified by its
/// <see cref="Key"/>: what it is about, which case, which review date and for whom. The database holds each key once,
/// so a rerun, a retry after a crash or a second server cannot create a second copy; a review that moves the date
/// makes a new key, so reminders follow the new date.
/// </summary>
public sealed class Notification
{
    public const int KeyMaxLength = 120;

    // For EF Core.
    private Notification()
    {
        Key = string.Empty;
    }

    public Notification(NotificationKind kind, Guid recipientUserId, Guid caseId, Guid teamId, DateOnly reviewDue, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        RecipientUserId = recipientUserId;
        CaseId = caseId;
        TeamId = teamId;
        ReviewDue = reviewDue;
        CreatedAtUtc = nowUtc;
        Key = KeyFor(kind, caseId, reviewDue, recipientUserId);
    }

    /// <summary>
    /// A step of an assessment, for the people it concerns. Its key is the step, the assessment, the assessment's
    /// revision at that step and the recipient, so a second submission after a return is a new notification.
    /// </summary>
    public static Notification ForAssessment(NotificationKind kind, Guid recipientUserId, Guid caseId, Guid teamId, Guid assessmentId, int revision, DateTime nowUtc)
    {
        if (kind is not (NotificationKind.AssessmentSubmitted or NotificationKind.AssessmentReturned or NotificationKind.AssessmentCountersigned))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a step of an assessment.");
        }

        return new Notification(kind, recipientUserId, caseId, teamId, DateOnly.FromDateTime(nowUtc), nowUtc)
        {
            AssessmentId = assessmentId,
            Key = string.Create(CultureInfo.InvariantCulture, $"{kind}:{assessmentId:N}:{revision}:{recipientUserId:N}"),
        };
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; }

    /// <summary>The assessment an assessment notification is about; null for a review reminder.</summary>
    public Guid? AssessmentId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid RecipientUserId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid TeamId { get; private set; }

    /// <summary>The review date a reminder is about; for an assessment notification, the day of the step.</summary>
    public DateOnly ReviewDue { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public static string KeyFor(NotificationKind kind, Guid caseId, DateOnly reviewDue, Guid recipientUserId) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{caseId:N}:{reviewDue:yyyy-MM-dd}:{recipientUserId:N}");

    /// <summary>Marks the notification read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
