using System.Globalization;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Notifications;

/// <summary>
/// Tells the people an assessment's step concerns: a submission goes to the team's managers (but not to a manager who
/// submitted it: someone else must countersign), a return or a countersignature to the author. Each notification gets
/// its e-mail where e-mail is on and the person has an address, as review reminders do. Called by the step's handler
/// before it saves, so the step, its notifications and their e-mails are written together, or none of them.
/// </summary>
public static class AssessmentNotices
{
    public static async Task AddAsync(
        IApplicationDbContext db,
        IUserDirectory users,
        IEmailSender email,
        string? linkBaseUrl,
        Assessment assessment,
        NotificationKind kind,
        Guid? byUserId,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(assessment);
        var accounts = (await users.ListAsync(cancellationToken)).Where(u => !u.IsDisabled).ToList();
        var recipients = kind == NotificationKind.AssessmentSubmitted
            ? accounts.Where(u => u.Roles.Contains(Roles.TeamManager) && u.TeamIds.Contains(assessment.TeamId)).Select(u => u.Id)
            : accounts.Where(u => u.Id == assessment.SubmittedByUserId).Select(u => u.Id);
        foreach (var recipient in recipients.Where(id => id != byUserId).Distinct())
        {
            var notification = Notification.ForAssessment(kind, recipient, assessment.CaseId, assessment.TeamId, assessment.Id, assessment.Revision, nowUtc);
            db.Notifications.Add(notification);
            if (email.IsConfigured && accounts.Single(u => u.Id == recipient).Email is { Length: > 0 } address)
            {
                var (subject, body) = Compose(kind, assessment.Id, linkBaseUrl);
                db.OutgoingEmails.Add(new OutgoingEmail(notification.Id, address, subject, body, nowUtc));
            }
        }
    }

    /// <summary>
    /// The e-mail, in Welsh and English, that says which step and links to the assessment; like a reminder, it never
    /// names the child (docs/decisions/0020-reminder-e-mail-outbox.md).
    /// </summary>
    public static (string Subject, string Body) Compose(NotificationKind kind, Guid assessmentId, string? linkBaseUrl)
    {
        var (subjectCy, subjectEn, textCy, textEn) = kind switch
        {
            NotificationKind.AssessmentSubmitted => (
                "Asesiad i'w gydlofnodi", "Assessment to countersign",
                "Mae asesiad yn eich tîm wedi'i gyflwyno ac mae'n aros i gael ei gydlofnodi.",
                "An assessment in your team has been submitted and is waiting to be countersigned."),
            NotificationKind.AssessmentReturned => (
                "Asesiad wedi'i ddychwelyd gyda sylwadau", "Assessment returned with comments",
                "Mae rheolwr wedi dychwelyd asesiad a gyflwynwyd gennych, gyda sylwadau ar beth i'w newid.",
                "A manager has returned an assessment you submitted, with comments on what to change."),
            NotificationKind.AssessmentCountersigned => (
                "Asesiad wedi'i gydlofnodi", "Assessment countersigned",
                "Mae rheolwr wedi cydlofnodi asesiad a gyflwynwyd gennych.",
                "A manager has countersigned an assessment you submitted."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var link = linkBaseUrl is null ? null : string.Create(CultureInfo.InvariantCulture, $"{linkBaseUrl}/assessments/{assessmentId}");
        return BilingualEmail.Compose(subjectCy, subjectEn, textCy, textEn, link);
    }
}
