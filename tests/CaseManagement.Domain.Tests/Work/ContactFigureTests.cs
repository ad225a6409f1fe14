using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Organisation;

namespace CaseManagement.Domain.Tests.Work;

/// <summary>The figures of the work kept on the case and the team (decision 0039).</summary>
public sealed class ContactFigureTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ContactAttended_InAnyOrder_KeepsTheLatestDay()
    {
        var work = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-30), null);
        var version = work.Version;
        work.ContactAttended(new DateOnly(2026, 12, 1));
        work.ContactAttended(new DateOnly(2026, 11, 20));
        Assert.Equal(new DateOnly(2026, 12, 1), work.LastContactOn);

        // A contact is no change of the case's details: it must never make a change saved at the same moment refuse.
        Assert.Equal(version, work.Version);

        work.ContactsRecounted(null);
        Assert.Null(work.LastContactOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void SetNoContactFlag_OutsideOneToNinetyDays_IsRefused(int days)
    {
        var team = Team.Create("Cwm Taf", Guid.NewGuid());
        var refused = Assert.Throws<DomainRuleException>(() => team.SetNoContactFlag(days));
        Assert.Equal("The number of days must be a whole number from 1 to 90.", refused.Message);
        Assert.Equal(Team.DefaultNoContactFlagDays, team.NoContactFlagDays);
    }
}
