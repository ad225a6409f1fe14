using CaseManagement.Application.Notifications;
using System.Globalization;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Reminders;

/// <summary>
/// The text of a reminder e-mail, in Welsh and English (the Welsh Language Standards ask for both). It says what is
/// due and when, and links to the case; it never names the child or says anything about them: e-mail leaves the system,
/// may be forwarded or read on a shared screen, and the person can see the rest once signed in
/// (docs/decisions/0020-reminder-e-mail-outbox.md).
/// </summary>
public static class ReminderEmail
{
    private static readonly CultureInfo English = new("en-GB");
    private static readonly CultureInfo Welsh = new("cy-GB");

    public static (string Subject, string Body) Compose(NotificationKind kind, Guid caseId, DateOnly reviewDue, string? linkBaseUrl)
    {
        var dateEn = reviewDue.ToString("d MMMM yyyy", English);
        var dateCy = reviewDue.ToString("d MMMM yyyy", Welsh);
        var (subjectCy, subjectEn, textCy, textEn) = kind switch
        {
            NotificationKind.ReviewDueSoon => (
                "Adolygiad yn ddyledus yn fuan", "Review due soon",
                $"Mae adolygiad yn ddyledus erbyn {dateCy} ar gyfer achos sydd wedi'i ddyrannu i chi.",
                $"A review is due by {dateEn} for a case allocated to you."),
            NotificationKind.ReviewOverdue => (
                "Adolygiad yn hwyr", "Review overdue",
                $"Roedd adolygiad yn ddyledus ar {dateCy} ar gyfer achos sydd wedi'i ddyrannu i chi, ac nid yw wedi'i gynnal eto.",
                $"A review was due on {dateEn} for a case allocated to you, and has not been held yet."),
            NotificationKind.ReviewEscalation => (
                "Adolygiad yn hwyr: angen sylw rheolwr", "Review overdue: manager's attention needed",
                $"Roedd adolygiad yn ddyledus ar {dateCy} ar gyfer achos yn eich tîm, ac mae'n dal heb ei gynnal.",
                $"A review was due on {dateEn} for a case in your team, and has still not been held."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var link = linkBaseUrl is null ? null : $"{linkBaseUrl}/cases/{caseId}";
        return BilingualEmail.Compose(subjectCy, subjectEn, textCy, textEn, link);
    }
}
