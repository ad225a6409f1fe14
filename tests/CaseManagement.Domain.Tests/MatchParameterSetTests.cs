using CaseManagement.Domain.Common;
using CaseManagement.Domain.Matching;

namespace CaseManagement.Domain.Tests;

public sealed class MatchParameterSetTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static MatchParameterSet Proposed() => new(1, "{}", Now, Guid.NewGuid(), 1200, 5000, 300_000, 12, 0.2);

    [Fact]
    public void Activate_Proposed_IsInUseWithWhoAndWhen()
    {
        var set = Proposed();
        var admin = Guid.NewGuid();

        set.Activate(Now.AddHours(1), admin);

        Assert.Equal(MatchParameterState.Active, set.State);
        Assert.Equal(admin, set.ActivatedByUserId);
        Assert.Equal(Now.AddHours(1), set.ActivatedAtUtc);
    }

    [Fact]
    public void Retire_Active_IsKeptAsRetired()
    {
        var set = Proposed();
        set.Activate(Now, null);

        set.Retire(Now.AddDays(1));

        Assert.Equal(MatchParameterState.Retired, set.State);
        Assert.Equal(Now.AddDays(1), set.RetiredAtUtc);
    }

    [Fact]
    public void ActivateOrDiscard_NotProposed_IsRefused()
    {
        var set = Proposed();
        set.Discard(Now, null);

        Assert.Equal("Only a proposed set of weights can be put in use.", Assert.Throws<DomainRuleException>(() => set.Activate(Now, null)).Message);
        Assert.Throws<DomainRuleException>(() => set.Discard(Now, null));
        Assert.Throws<DomainRuleException>(() => set.Retire(Now));
    }
}
