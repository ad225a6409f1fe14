using CaseManagement.Domain.Children;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

public sealed class ReferralTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    private static ReferralSubmission Submission(string? occurrence = " 62230012345 ") => new(
        Guid.NewGuid(),
        ReferralSource.PoliceNeighbourhoodTeam,
        "  PC Rhys Davies ",
        null,
        occurrence,
        " Seen near the retail park after dark. ",
        ReferralUrgency.Routine,
        new PersonDetails("Dafydd", "Williams", "Dai", new DateOnly(2012, 10, 16), Sex.Male, "CF37 1DL", PreferredLanguage.Welsh));

    [Fact]
    public void Receive_NewSubmission_IsReceivedWithTrimmedText()
    {
        var referral = Referral.Receive(Submission(), "R-261122-ABCDEF", Now);

        Assert.Equal(ReferralStatus.Received, referral.Status);
        Assert.Equal("PC Rhys Davies", referral.ReferrerName);
        Assert.Equal("Seen near the retail park after dark.", referral.Concerns);
        Assert.Equal("62230012345", referral.PoliceOccurrenceReference);
        Assert.Equal("Dafydd", referral.ChildGivenName);
        Assert.Null(referral.ChildId);
        Assert.Equal(Now, referral.ReceivedAtUtc);
    }

    [Fact]
    public void Receive_BlankOccurrenceReference_StoresNone()
    {
        var referral = Referral.Receive(Submission("   "), "R-261122-ABCDEF", Now);

        Assert.Null(referral.PoliceOccurrenceReference);
    }

    [Fact]
    public void LinkToChild_Twice_IsRefused()
    {
        var referral = Referral.Receive(Submission(), "R-261122-ABCDEF", Now);
        var child = Guid.NewGuid();
        referral.LinkToChild(child, Now);

        var error = Assert.Throws<DomainRuleException>(() => referral.LinkToChild(Guid.NewGuid(), Now));

        Assert.Equal(child, referral.ChildId);
        Assert.Contains("already linked", error.Message, StringComparison.Ordinal);
    }
}
