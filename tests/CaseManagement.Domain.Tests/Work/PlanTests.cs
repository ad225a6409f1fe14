using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Tests.Work;

/// <summary>The rules of assessed needs, the three-part plan and multi-agency meetings, without pages or a database.</summary>
public sealed class PlanTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly Guid Sian = Guid.NewGuid();
    private static readonly AssessedNeed Learning = AssessedNeed.Of(CafArea.Learning);
    private static readonly AssessedNeed DomesticAbuse = AssessedNeed.Of(Adversity.DomesticAbuse);

    private static ChildCase OpenCase()
    {
        var work = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-20), null);
        work.Allocate(Sian, Now.AddDays(-10), null, null, 42);
        return work;
    }

    private static PlanActionFields Action(string what = "Weekly mentoring after school") => new(what, "Youth service", null, Today.AddDays(14));

    /// <summary>A plan with something in each of its three parts, ready to publish.</summary>
    private static CasePlan Complete(ChildCase work)
    {
        var plan = CasePlan.Start(work, Now, Sian);
        plan.AddMyPlanItem(work, MyPlanSection.WhatIWant, "Stay at my school", Now, Sian);
        plan.AddAction(work, Action(), [Learning], [Learning], Now, Sian);
        plan.AddExitSupport(work, ExitSupportKind.UniversalService, UniversalService.YouthService, null, "Youth club on Tuesdays", Now, Sian);
        return plan;
    }

    [Theory]
    [InlineData("Caf:Learning", AssessedNeedKind.Caf, "CafArea.Learning")]
    [InlineData("Ace:DomesticAbuse", AssessedNeedKind.Ace, "Adversity.DomesticAbuse")]
    [InlineData("Adversity:Bereavement", AssessedNeedKind.Adversity, "Adversity.Bereavement")]
    [InlineData("Learning:SpeechLanguage", AssessedNeedKind.Learning, "AssessedNeed.Learning.SpeechLanguage")]
    [InlineData("Judgement:Wellbeing", AssessedNeedKind.Judgement, "AssessedNeed.Judgement.Wellbeing")]
    public void TryParse_KnownCode_ReadsKindAndLabel(string code, AssessedNeedKind kind, string labelKey)
    {
        Assert.True(AssessedNeed.TryParse(code, out var need));

        Assert.Equal((kind, labelKey, code), (need.Kind, need.LabelKey, need.Code));
    }

    [Theory]
    [InlineData("Ace:Bereavement")]
    [InlineData("Caf:Nothing")]
    [InlineData("Caf:3")]
    [InlineData("Learning")]
    [InlineData("")]
    public void TryParse_CodeTheAssessmentCannotRecord_IsRefused(string code) => Assert.False(AssessedNeed.TryParse(code, out _));

    [Fact]
    public void Of_SubmittedAssessment_FindsConcernsAdversityLearningAndJudgements()
    {
        var work = OpenCase();
        var assessment = Assessment.Start(work, null, Now, Sian);
        assessment.SetJudgements(work, new Judgements(LikelihoodRating.Low, "r", null, ConcernRating.Low, "r", null, ConcernRating.High, "r", null), Now);
        assessment.SetAreas(CafDomain.ChildsDevelopment, [new AreaAnswer(CafArea.Learning, null, "Behind in reading", ConcernMarker.SignificantConcern), new AreaAnswer(CafArea.Health, null, null, ConcernMarker.SomeConcern)], Now);
        assessment.SetAdversity([new AdversityAnswerInput(Adversity.DomesticAbuse, AdversityAnswer.Yes, null, "Mum", Today, null), new AdversityAnswerInput(Adversity.Poverty, AdversityAnswer.No, null, null, null, null)], Now);
        assessment.SetLearningNeeds(new LearningNeeds(AlnStatus.NoAdditionalNeeds, false, SpeechLanguageNeeds.Suspected, Neurodiversity.None, null, SchoolAttachment.Strong, 82, 0, false, false, null), Now);

        var found = AssessedNeeds.Of(assessment).ToDictionary(f => f.Need.Code, f => f.Significant);

        Assert.Equal(
            new Dictionary<string, bool>
            {
                ["Caf:Health"] = false, ["Caf:Learning"] = true, ["Ace:DomesticAbuse"] = true,
                ["Learning:SpeechLanguage"] = false, ["Learning:Attendance"] = true, ["Judgement:Wellbeing"] = true,
            },
            found);
    }

    [Fact]
    public void SensitiveAdversity_IsSensitive_WiderOnesAreNot()
    {
        Assert.True(DomesticAbuse.IsSensitive);
        Assert.False(AssessedNeed.Of(Adversity.Bereavement).IsSensitive);
        Assert.False(Learning.IsSensitive);
    }

    [Fact]
    public void AddAction_NoNeedOnceTheAssessmentRecordedSome_IsRefusedWithTheField()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.AddAction(work, Action(), [], [Learning], Now, Sian));

        Assert.Equal(("Choose the assessed need or needs this answers.", "Needs"), (refused.Message, refused.Field));
    }

    [Fact]
    public void AddAction_NeedTheAssessmentDidNotRecord_IsRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.AddAction(work, Action(), [DomesticAbuse], [Learning], Now, Sian));

        Assert.Equal("Choose needs the child's assessment recorded.", refused.Message);
    }

    [Fact]
    public void AddAction_DueYesterday_IsRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.AddAction(work, Action() with { DueOn = Today.AddDays(-1) }, [], [], Now, Sian));

        Assert.Equal(("The due date must be today or in the future.", "DueOn"), (refused.Message, refused.Field));
    }

    [Fact]
    public void SetActionState_DroppedWithoutReason_IsRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);
        var action = plan.AddAction(work, Action(), [], [], Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.SetActionState(work, action.Id, PlanActionState.Dropped, " ", Now, Sian));

        Assert.Equal("Say why the action was dropped.", refused.Message);
    }

    [Fact]
    public void SetOwnAgencyActionState_OwnAgency_MovesItOn_OtherAgencies_AndNotStarted_AreRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);
        var ours = plan.AddAction(work, new PlanActionFields("Visit the family with the neighbourhood team", "South Wales Police", null, Today.AddDays(7)), [], [], Now, Sian);
        var theirs = plan.AddAction(work, Action(), [], [], Now, Sian);

        plan.SetOwnAgencyActionState(work, ours.Id, " south wales police ", PlanActionState.Done, null, Now, Sian);
        var other = Assert.Throws<DomainRuleException>(() => plan.SetOwnAgencyActionState(work, theirs.Id, "South Wales Police", PlanActionState.InProgress, null, Now, Sian));
        var back = Assert.Throws<DomainRuleException>(() => plan.SetOwnAgencyActionState(work, ours.Id, "South Wales Police", PlanActionState.NotStarted, null, Now, Sian));
        var why = Assert.Throws<DomainRuleException>(() => plan.SetOwnAgencyActionState(work, ours.Id, "South Wales Police", PlanActionState.Dropped, null, Now, Sian));

        Assert.Equal((PlanActionState.Done, PlanActionState.NotStarted), (ours.State, theirs.State));
        Assert.Equal("You can change the state of your own agency's actions only. Ask the case manager about this one.", other.Message);
        Assert.Equal("Say whether the action has started, is done or is not possible.", back.Message);
        Assert.Equal(("Say why the action is not possible.", "Reason"), (why.Message, why.Field));
    }

    [Fact]
    public void Publish_EmptyExitPlan_IsRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);
        plan.AddMyPlanItem(work, MyPlanSection.WhoHelpsMe, "My nan", Now, Sian);
        plan.AddAction(work, Action(), [], [], Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.Publish(work, [], null, Now, Sian));

        Assert.Equal("Add at least one service or person to the exit plan before publishing.", refused.Message);
    }

    [Fact]
    public void Publish_TwiceWithoutAChange_IsRefusedAndTheFirstIsKept()
    {
        var work = OpenCase();
        var plan = Complete(work);
        plan.Publish(work, [], null, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.Publish(work, [], null, Now.AddHours(1), Sian));

        Assert.Equal("Nothing has changed since the last version was published.", refused.Message);
        Assert.Equal(1, plan.PublishedVersion);
    }

    [Fact]
    public void Publish_AfterAChange_KeepsTheEarlierVersionAsItWas()
    {
        var work = OpenCase();
        var plan = Complete(work);
        var first = plan.Publish(work, [], null, Now, Sian);
        var action = plan.Actions.Single();
        plan.SetActionState(work, action.Id, PlanActionState.Done, null, Now.AddDays(3), Sian);

        var second = plan.Publish(work, [], null, Now.AddDays(3), Sian);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(PlanActionState.NotStarted, first.Read().Actions.Single().State);
        Assert.Equal(PlanActionState.Done, second.Read().Actions.Single().State);
        Assert.Equal(["Caf:Learning"], second.Read().Actions.Single().Needs);
        Assert.Contains(plan.Events.OfType<ITimelineEvent>(), e => e.Kind == TimelineKind.PlanPublished && e.Detail == "2");
    }

    [Fact]
    public void Publish_VeryHighRatingNotCountersigned_IsHeldBack()
    {
        var work = OpenCase();
        var plan = Complete(work);
        var assessment = Assessment.Start(work, null, Now, Sian);
        assessment.SetJudgements(work, new Judgements(LikelihoodRating.Low, "r", null, ConcernRating.VeryHigh, "r", null, ConcernRating.Low, "r", null), Now);

        var refused = Assert.Throws<DomainRuleException>(() => plan.Publish(work, [], assessment, Now, Sian));

        Assert.Equal("A very high rating must be countersigned before the plan can go ahead.", refused.Message);
    }

    [Fact]
    public void Change_ClosedCase_IsRefused()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);
        work.Close(ClosureReason.FamilyDeclined, Today, [UniversalService.YouthService], null, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => plan.AddMyPlanItem(work, MyPlanSection.WhatIWant, "A job", Now, Sian));

        Assert.Equal("The plan of a closed case cannot be changed. Reopen it first.", refused.Message);
    }

    [Fact]
    public void Record_NobodyCame_IsRefused()
    {
        var work = OpenCase();

        var refused = Assert.Throws<DomainRuleException>(() => MultiAgencyMeeting.Record(
            work, Today, MeetingKind.Planning, [new MeetingAttendeeInput("PC Jones", "Police", null, SentApologies: true)], null, null, [], Now, Sian));

        Assert.Equal(("Name at least one person who came to the meeting.", "Attendees"), (refused.Message, refused.Field));
    }

    [Fact]
    public void Record_Tomorrow_IsRefused()
    {
        var work = OpenCase();

        var refused = Assert.Throws<DomainRuleException>(() => MultiAgencyMeeting.Record(
            work, Today.AddDays(1), MeetingKind.Planning, [new MeetingAttendeeInput("Siân", "Prevention team", "Case manager", false)], null, null, [], Now, Sian));

        Assert.Equal("The date of the meeting must be today or in the past.", refused.Message);
    }

    [Fact]
    public void ActOnDecision_BecomesAnActionWithTheDecisionsOwnerOnce()
    {
        var work = OpenCase();
        var plan = CasePlan.Start(work, Now, Sian);
        var meeting = MultiAgencyMeeting.Record(
            work, Today, MeetingKind.StrategyOrSafety, [new MeetingAttendeeInput("Siân", "Prevention team", "Case manager", false)], "I want to feel safe", null,
            [new MeetingDecisionInput("Refer to CAMHS", "Health", "Dr Evans", Today.AddDays(7))], Now, Sian);
        var decision = meeting.Decisions.Single();

        var action = plan.ActOnDecision(work, meeting, decision.Id, Now, Sian);
        var again = Assert.Throws<DomainRuleException>(() => plan.ActOnDecision(work, meeting, decision.Id, Now, Sian));

        Assert.Equal(("Refer to CAMHS", "Health", "Dr Evans", Today.AddDays(7), meeting.Id), (action.What, action.OwnerAgency, action.OwnerPerson, action.DueOn, action.MeetingId));
        Assert.Equal(action.Id, decision.ActionId);
        Assert.Equal("This decision is already an action of the plan.", again.Message);
        Assert.Single(plan.Actions);
        Assert.Contains(meeting.Events.OfType<ITimelineEvent>(), e => e.Kind == TimelineKind.MeetingHeld && e.Detail == "StrategyOrSafety");
    }
}
