using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

/// <summary>The referral's states and the rules for moving between them, each move kept for the timeline.</summary>
public sealed class ReferralLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Guid Worker = Guid.NewGuid();

    private static Referral Received() => Referral.Receive(
        new ReferralSubmission(Guid.NewGuid(), ReferralSource.Mash, "MASH", null, null, "Concerns.", ReferralUrgency.Routine,
            new PersonDetails("Ffion", "Roberts", null, new DateOnly(2013, 1, 1), Sex.Female, null, PreferredLanguage.Welsh))
        { SubmissionKey = "  key-1  ", Consent = ConsentStatus.ChildOnly, LawfulBasis = LawfulBasis.Consent },
        "R-261122-ABCDEF",
        Now);

    private static Referral InScreening()
    {
        var referral = Received();
        referral.LinkToChild(Guid.NewGuid(), Now, Worker);
        return referral;
    }

    /// <summary>The school comes from the child's details, the one source matching also reads (decision 0099).</summary>
    [Fact]
    public void Receive_TakesTheSchoolFromTheChildsDetails()
    {
        var details = new PersonDetails("Ffion", "Roberts", null, new DateOnly(2013, 1, 1), Sex.Female, null, PreferredLanguage.Welsh) { School = "  Ysgol Glan Taf " };

        var referral = Referral.Receive(new ReferralSubmission(Guid.NewGuid(), ReferralSource.Education, "Head of year", null, null, "Concerns.", ReferralUrgency.Routine, details), "R-261122-SCHOOL", Now);

        Assert.Equal("Ysgol Glan Taf", referral.ChildSchool);
    }

    [Fact]
    public void Receive_KeepsTheSubmissionKeyConsentAndTheFirstTransition()
    {
        var referral = Received();

        Assert.Equal("key-1", referral.SubmissionKey);
        Assert.Equal(ConsentStatus.ChildOnly, referral.Consent);
        var first = Assert.Single(referral.Transitions);
        Assert.Null(first.FromStatus);
        Assert.Equal(ReferralStatus.Received, first.ToStatus);
    }

    [Fact]
    public void AwaitThenLink_MovesToScreeningAndRecordsEachStep()
    {
        var referral = Received();
        var child = Guid.NewGuid();

        referral.AwaitDuplicateDecision(Now, null);
        referral.LinkToChild(child, Now.AddHours(1), Worker);

        Assert.Equal(ReferralStatus.Screening, referral.Status);
        Assert.Equal(child, referral.ChildId);
        Assert.Equal([ReferralStatus.Received, ReferralStatus.AwaitingDuplicateDecision, ReferralStatus.Screening], referral.Transitions.Select(t => t.ToStatus));
        Assert.Equal(Worker, referral.Transitions[^1].ByUserId);
    }

    [Fact]
    public void AwaitDuplicateDecision_OnceScreened_IsRefused()
    {
        var referral = InScreening();

        Assert.Throws<DomainRuleException>(() => referral.AwaitDuplicateDecision(Now, null));
    }

    [Fact]
    public void Unlink_InScreening_WaitsAgainWithTheReason()
    {
        var referral = InScreening();
        var child = referral.ChildId;

        var unlinked = referral.Unlink(Now, Worker, " Wrong child ");

        Assert.Equal(child, unlinked);
        Assert.Null(referral.ChildId);
        Assert.Equal(ReferralStatus.AwaitingDuplicateDecision, referral.Status);
        Assert.Equal("Wrong child", referral.Transitions[^1].Note);
    }

    [Fact]
    public void Unlink_AfterAcceptance_IsRefused()
    {
        var referral = InScreening();
        referral.Accept(Now, Worker, ChildCase.Open(referral.TeamId, referral.ChildId ?? Guid.NewGuid(), Now, Worker), childAlreadyOpen: false);

        Assert.Throws<DomainRuleException>(() => referral.Unlink(Now, Worker, "Too late"));
    }

    [Theory]
    [InlineData(false, ReferralStatus.Accepted)]
    [InlineData(true, ReferralStatus.LinkedToExistingChild)]
    public void Accept_NewOrAlreadyOpenChild_GivesItsOutcome(bool open, ReferralStatus expected)
    {
        var referral = InScreening();

        referral.Accept(Now, Worker, ChildCase.Open(referral.TeamId, referral.ChildId ?? Guid.NewGuid(), Now, Worker), open);

        Assert.Equal(expected, referral.Status);
        Assert.True(referral.IsDecided);
        Assert.Equal(Worker, referral.DecidedByUserId);
    }

    [Fact]
    public void SignpostAndDecline_NeedAReasonAndAreRefusedTwice()
    {
        var referral = InScreening();

        Assert.Throws<DomainRuleException>(() => referral.Decline("  ", Now, Worker));
        referral.Signpost(" School counselling ", Now, Worker);

        Assert.Equal(ReferralStatus.Signposted, referral.Status);
        Assert.Equal("School counselling", referral.OutcomeReason);
        Assert.Throws<DomainRuleException>(() => referral.Decline("Changed my mind", Now, Worker));
    }

    [Fact]
    public void Decide_BeforeTheReferralIsLinked_IsRefused()
    {
        var referral = Received();

        Assert.Throws<DomainRuleException>(() => referral.Accept(Now, Worker, ChildCase.Open(referral.TeamId, referral.ChildId ?? Guid.NewGuid(), Now, Worker), childAlreadyOpen: false));
    }

    [Fact]
    public void MatchCandidate_RejectedThenReopened_CanBeConfirmed()
    {
        var candidate = new MatchCandidate(Guid.NewGuid(), Guid.NewGuid(), 20, "Review", "{}", Now, linkedAutomatically: false);

        candidate.Reject(Now, Worker, " cousin ");
        Assert.Equal("cousin", candidate.DecisionNote);
        Assert.Throws<DomainRuleException>(() => candidate.Confirm(Now, Worker));
        candidate.Reopen();
        candidate.Confirm(Now, Worker);

        Assert.Equal(MatchCandidateStatus.Confirmed, candidate.Status);
    }

    [Fact]
    public void ChildMerge_UndoTwice_IsRefused()
    {
        var survivor = Child.Register(Guid.NewGuid(), new PersonDetails("Osian", "Rowlands", null, new DateOnly(2010, 9, 1), Sex.Male, null, PreferredLanguage.Welsh), Now);
        var merged = Child.Register(survivor.TeamId, new PersonDetails("Osian", "Rowlands", null, new DateOnly(2010, 9, 1), Sex.Male, null, PreferredLanguage.Welsh), Now);
        var moved = new[] { Guid.NewGuid(), Guid.NewGuid() };

        Assert.Throws<DomainRuleException>(() => survivor.MergeInto(survivor.Id, Now));
        merged.MergeInto(survivor.Id, Now);
        var merge = new ChildMerge(survivor.Id, merged.Id, "Same NHS number", moved, Now, Worker);
        merge.Undo(Now, Worker);
        merged.UndoMerge(Now);

        Assert.Equal(moved, merge.MovedReferrals);
        Assert.Null(merged.MergedIntoChildId);
        Assert.Throws<DomainRuleException>(() => merge.Undo(Now, Worker));
        Assert.Throws<DomainRuleException>(() => merged.UndoMerge(Now));
    }
}
