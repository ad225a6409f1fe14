using CaseManagement.Web.Hosting;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// An API token's account is looked at once per Security:SessionCheckIntervalSeconds, as a sign-in cookie's is: the
/// test host checks every request (interval 0), so the spacing of the checks is tested here, on its own.
/// </summary>
public sealed class ApiTokenRecentChecksTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsDue_WithinTheIntervalOfACheck_IsNotDueUntilTheIntervalHasPassed()
    {
        var recent = new ApiTokenHandler.RecentChecks();
        Assert.True(recent.IsDue("user", "stamp", Start, Interval));

        recent.Record("user", "stamp", Start);

        Assert.False(recent.IsDue("user", "stamp", Start.AddSeconds(59), Interval));
        Assert.True(recent.IsDue("user", "stamp", Start.AddSeconds(60), Interval));
        Assert.True(recent.IsDue("someone else", "stamp", Start.AddSeconds(1), Interval));
    }

    [Fact]
    public void IsDue_TokenWithAnotherStampOrAForgottenAccount_IsDueAtOnce()
    {
        var recent = new ApiTokenHandler.RecentChecks();
        recent.Record("user", "stamp", Start);

        Assert.True(recent.IsDue("user", "older stamp", Start.AddSeconds(1), Interval));
        recent.Forget("user");
        Assert.True(recent.IsDue("user", "stamp", Start.AddSeconds(1), Interval));
    }

    [Fact]
    public void IsDue_IntervalOfNought_IsAlwaysDue()
    {
        var recent = new ApiTokenHandler.RecentChecks();
        recent.Record("user", "stamp", Start);

        Assert.True(recent.IsDue("user", "stamp", Start, TimeSpan.Zero));
    }
}
