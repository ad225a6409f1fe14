using CaseManagement.Application.Reminders;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid TeamId = Guid.NewGuid();
    private static readonly Guid CaseManager = Guid.NewGuid();
    private static readonly Guid Manager1 = Guid.NewGuid();
    private static readonly Guid Manager2 = Guid.NewGuid();
    private static readonly DateOnly Due = new(2027, 3, 15);
    private static readonly ReminderSettings Settings = new() { DueSoonDays = 7, EscalateAfterDays = 7 };

    private static IReadOnlyList<DueReminder> On(DateOnly today, ReminderSettings? settings = null) =>
        ReminderRules.For(new CaseForReminder(CaseId, TeamId, CaseManager, Due), today, settings ?? Settings, [Manager1, Manager2]);

    [Fact]
    public void For_MoreThanTheWindowBeforeTheReview_OwesNothing()
    {
        Assert.Empty(On(Due.AddDays(-8)));
    }

    [Theory]
    [InlineData(-7)]
    [InlineData(-1)]
    [InlineData(0)]
    public void For_WithinTheWindowOrOnTheDay_OwesTheCaseManagerADueSoonReminder(int daysFromDue)
    {
        var reminder = Assert.Single(On(Due.AddDays(daysFromDue)));

        Assert.Equal(NotificationKind.ReviewDueSoon, reminder.Kind);
        Assert.Equal(CaseManager, reminder.RecipientUserId);
        Assert.Equal(Due, reminder.ReviewDue);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void For_PastTheDueDateWithinTheGracePeriod_OwesTheCaseManagerAnOverdueReminderOnly(int daysLate)
    {
        var reminder = Assert.Single(On(Due.AddDays(daysLate)));

        Assert.Equal(NotificationKind.ReviewOverdue, reminder.Kind);
        Assert.Equal(CaseManager, reminder.RecipientUserId);
    }

    [Fact]
    public void For_OverdueBeyondTheGracePeriod_EscalatesToEachTeamManagerAsWell()
    {
        var reminders = On(Due.AddDays(8));

        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, r => r.Kind == NotificationKind.ReviewOverdue && r.RecipientUserId == CaseManager);
        Assert.Equal(new[] { Manager1, Manager2 }.Order(), reminders.Where(r => r.Kind == NotificationKind.ReviewEscalation).Select(r => r.RecipientUserId).Order());
    }

    [Fact]
    public void For_TheSameDayTwice_GivesTheSameKeys()
    {
        Assert.Equal(On(Due.AddDays(9)).Select(r => r.Key), On(Due.AddDays(9)).Select(r => r.Key));
    }

    [Fact]
    public void For_OverdueOnLaterDays_KeepsTheSameKeySoNothingIsSentAgain()
    {
        var first = On(Due.AddDays(1)).Single().Key;

        Assert.Contains(first, On(Due.AddDays(20)).Select(r => r.Key));
    }

    [Fact]
    public void For_ANewReviewDate_GivesNewKeys()
    {
        var before = On(Due.AddDays(-3)).Single();
        var moved = ReminderRules.For(new CaseForReminder(CaseId, TeamId, CaseManager, Due.AddDays(42)), Due.AddDays(39), Settings, []).Single();

        Assert.Equal(NotificationKind.ReviewDueSoon, moved.Kind);
        Assert.NotEqual(before.Key, moved.Key);
    }

    [Fact]
    public void For_ConfiguredWindows_AreHonoured()
    {
        var settings = new ReminderSettings { DueSoonDays = 14, EscalateAfterDays = 0 };

        Assert.Equal(NotificationKind.ReviewDueSoon, Assert.Single(On(Due.AddDays(-14), settings)).Kind);
        Assert.Contains(On(Due.AddDays(1), settings), r => r.Kind == NotificationKind.ReviewEscalation);
    }

    [Fact]
    public void For_NoTeamManager_StillRemindsTheCaseManager()
    {
        var reminders = ReminderRules.For(new CaseForReminder(CaseId, TeamId, CaseManager, Due), Due.AddDays(30), Settings, []);

        Assert.Equal(NotificationKind.ReviewOverdue, Assert.Single(reminders).Kind);
    }
}
