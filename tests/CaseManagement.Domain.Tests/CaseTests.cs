using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Tests;

public sealed class CaseTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly Guid Sian = Guid.NewGuid();
    private static readonly Guid Gareth = Guid.NewGuid();

    private static ChildCase Waiting() => ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10), null);

    private static ChildCase Allocated()
    {
        var work = Waiting();
        work.Allocate(Sian, Now, null, null, 42);
        return work;
    }

    [Fact]
    public void Allocate_FirstTime_LeavesTheWaitingListWithTheFirstReviewAtTheTeamsInterval()
    {
        var work = Waiting();

        work.Allocate(Sian, Now, Gareth, null, 42);

        Assert.Equal(CaseStatus.Open, work.Status);
        Assert.Equal(Sian, work.CaseManagerUserId);
        Assert.Equal(Today.AddDays(42), work.NextReviewDue);
        Assert.Contains(work.Events.OfType<ITimelineEvent>(), e => e.Kind == TimelineKind.CaseAllocated && e.Detail == Sian.ToString());
    }

    [Fact]
    public void Allocate_ToAnother_EndsThePreviousAllocationAndKeepsTheReviewDate()
    {
        var work = Allocated();
        var due = work.NextReviewDue;

        work.Allocate(Gareth, Now.AddDays(3), null, Today.AddDays(7), 42);

        Assert.Equal(Gareth, work.CaseManagerUserId);
        Assert.Equal(due, work.NextReviewDue);
        Assert.Equal(2, work.Allocations.Count);
        Assert.Single(work.Allocations, a => a.EndedAtUtc is null && a.CaseManagerUserId == Gareth);
    }

    [Fact]
    public void Allocate_FirstReviewInThePast_IsRefused()
    {
        var work = Waiting();

        var refused = Assert.Throws<DomainRuleException>(() => work.Allocate(Sian, Now, null, Today.AddDays(-1), 42));
        Assert.Equal("The first review date must be today or in the future.", refused.Message);
        Assert.Equal(CaseStatus.WaitingForAllocation, work.Status);
    }

    [Fact]
    public void Close_CompleteWithoutServices_IsRefused()
    {
        var work = Allocated();

        Assert.Throws<DomainRuleException>(() => work.Close(ClosureReason.InterventionCompleted, Today, [], "plan", Now, Sian));
        Assert.True(work.IsOpen);
    }

    [Fact]
    public void Close_FamilyDeclined_NeedsNoServicesAndTakesPractitionersOff()
    {
        var work = Allocated();
        work.AddPractitioner(Gareth, "Police liaison", Now, Sian);

        work.Close(ClosureReason.FamilyDeclined, Today, [], null, Now, Sian);

        Assert.Equal(CaseStatus.Closed, work.Status);
        Assert.Null(work.NextReviewDue);
        Assert.All(work.Members, m => Assert.False(m.IsCurrent));
    }

    [Fact]
    public void Reopen_AllocatedBefore_ReturnsToItsCaseManagerWithANewReviewDate()
    {
        var work = Allocated();
        work.Close(ClosureReason.MovedAway, Today, [], null, Now, Sian);

        work.Reopen(Now.AddDays(5), Sian, 42);

        Assert.Equal(CaseStatus.Open, work.Status);
        Assert.Equal(Sian, work.CaseManagerUserId);
        Assert.Equal(Today.AddDays(47), work.NextReviewDue);
        Assert.Null(work.ClosureReason);
    }

    [Fact]
    public void HoldReview_ScoresTheGoalsAndSetsTheNextReview()
    {
        var work = Allocated();
        var goal = Goal.Set(work, "Boxing twice a week", GoalOwner.Child, null, null, Now, Sian);

        var review = Review.Hold(work, [goal], Today, [new GoalProgressAtReview(goal.Id, 7, GoalStatus.Active)], (null, "I like it", null, null), ReviewDecision.Continue, Today.AddDays(42), Now, Sian);

        Assert.Equal(7, goal.Progress);
        Assert.Equal(Today.AddDays(42), work.NextReviewDue);
        Assert.Single(review.Scores);
    }

    [Fact]
    public void HoldReview_CaseStillWaiting_IsRefused()
    {
        var work = Waiting();

        var refused = Assert.Throws<DomainRuleException>(() => Review.Hold(work, [], Today, [], (null, "fine", null, null), ReviewDecision.Continue, Today.AddDays(42), Now, Sian));
        Assert.Equal("Allocate the case before its first review.", refused.Message);
    }

    [Fact]
    public void HoldReview_GoalOfAnotherCase_IsRefused()
    {
        var work = Allocated();
        var other = Goal.Set(Allocated(), "Not this case's", GoalOwner.Family, null, null, Now, Sian);

        Assert.Throws<DomainRuleException>(() => Review.Hold(work, [other], Today, [new GoalProgressAtReview(other.Id, 5, GoalStatus.Active)], (null, "x", null, null), ReviewDecision.Continue, Today.AddDays(42), Now, Sian));
        Assert.Equal(0, other.Progress);
    }

    [Fact]
    public void TimelineEntry_InTheFuture_IsRefused_AndWithdrawnOnlyOnce()
    {
        Assert.Throws<DomainRuleException>(() => TimelineEntry.ByPractitioner(Guid.NewGuid(), null, TimelineCategory.SchoolMove, Today.AddDays(1), false, "Moves school", null, TimelineVisibility.EveryoneOnTheCase, Now, Sian));

        var entry = TimelineEntry.ByPractitioner(Guid.NewGuid(), null, TimelineCategory.SchoolMove, Today, true, "Moved school", null, TimelineVisibility.EveryoneOnTheCase, Now, Sian);
        entry.Withdraw("Wrong child", Now);

        Assert.Equal("Wrong child", entry.WithdrawnReason);
        Assert.Throws<DomainRuleException>(() => entry.Withdraw("Again", Now));
    }

    [Fact]
    public void ReferralJoined_TheEarliestSetsTheWaitAndSourceAndAnUrgentOneRaisesThePriority()
    {
        var work = Waiting();
        Assert.Equal(AllocationPriority.Normal, work.Priority);

        work.ReferralJoined(ReferralSource.Education, ReferralUrgency.Routine, Now.AddDays(-5));
        work.ReferralJoined(ReferralSource.Mash, ReferralUrgency.Urgent, Now.AddDays(-12));
        work.ReferralJoined(ReferralSource.Health, ReferralUrgency.Routine, Now.AddDays(-1));

        Assert.Equal(Now.AddDays(-12), work.FirstReferredAtUtc);
        Assert.Equal(ReferralSource.Mash, work.FirstReferralSource);
        Assert.True(work.Urgent);
        Assert.Equal(AllocationPriority.High, work.Priority);
    }

    [Fact]
    public void SetPriority_OnTheWaitingList_IsATimelineEventAndRefusedOnceAllocated()
    {
        var work = Waiting();

        work.SetPriority(AllocationPriority.Low, Now, Gareth);

        Assert.Equal(AllocationPriority.Low, work.Priority);
        Assert.Contains(work.Events.OfType<ITimelineEvent>(), e => e.Kind == TimelineKind.PriorityChanged && e.Detail == "Low");
        work.Allocate(Sian, Now, null, null, 42);
        var refused = Assert.Throws<DomainRuleException>(() => work.SetPriority(AllocationPriority.High, Now, Gareth));
        Assert.Equal("Only a case on the waiting list has a priority for allocation.", refused.Message);
    }

    [Fact]
    public void Weight_FollowsTheLatestJudgementsAndTheEnhancedFlag()
    {
        var work = Allocated();
        Assert.Equal(1, work.Weight);
        var assessment = Assessment.Start(work, null, Now, Sian);

        assessment.SetJudgements(work, new Judgements(LikelihoodRating.High, "r", null, ConcernRating.VeryHigh, "r", null, ConcernRating.Medium, "r", null), Now);
        Assert.Equal(4, work.Weight);
        Assert.Equal(ConcernRating.VeryHigh, work.SeriousHarm);

        work.ChangeDetails(InterventionType.YouthCaution, enhancedCaseManagement: true, Now, Sian);
        Assert.Equal(5, work.Weight);

        assessment.SetJudgements(work, new Judgements(LikelihoodRating.Low, "r", null, ConcernRating.Low, "r", null, ConcernRating.Low, "r", null), Now);
        Assert.Equal(2, work.Weight);
    }
}
