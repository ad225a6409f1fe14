using CaseManagement.Application.Reminders;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Tests.Reminders;

public sealed class ReminderEmailTests
{
    [Theory]
    [InlineData(NotificationKind.ReviewDueSoon, "A review is due by 15 March 2027")]
    [InlineData(NotificationKind.ReviewOverdue, "A review was due on 15 March 2027")]
    [InlineData(NotificationKind.ReviewEscalation, "in your team")]
    public void Compose_EachKind_SaysWhatIsDueInEnglishAndWelsh(NotificationKind kind, string english)
    {
        var caseId = Guid.NewGuid();

        var (subject, body) = ReminderEmail.Compose(kind, caseId, new DateOnly(2027, 3, 15), "https://cases.example.gov.wales");

        Assert.Contains(" / ", subject, StringComparison.Ordinal);
        Assert.Contains(english, body, StringComparison.Ordinal);
        Assert.Contains("Mewngofnodwch", body, StringComparison.Ordinal);
        Assert.Contains("Mawrth 2027", body, StringComparison.Ordinal);
        Assert.Contains($"https://cases.example.gov.wales/cases/{caseId}", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoLinkBaseUrl_AsksThePersonToSignIn()
    {
        var (_, body) = ReminderEmail.Compose(NotificationKind.ReviewDueSoon, Guid.NewGuid(), new DateOnly(2027, 3, 15), null);

        Assert.Contains("Sign in to see it.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http", body, StringComparison.Ordinal);
    }
}
