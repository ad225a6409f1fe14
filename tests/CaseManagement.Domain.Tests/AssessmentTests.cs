using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Tests;

/// <summary>The assessment's own rules, without the pages and the database that the scenario tests go through.</summary>
public sealed class AssessmentTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Sian = Guid.NewGuid();
    private static readonly Guid Gareth = Guid.NewGuid();

    private static ChildCase OpenCase()
    {
        var work = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-20), null);
        work.Allocate(Sian, Now.AddDays(-10), null, null, 42);
        return work;
    }

    private static Judgements Rated(ConcernRating seriousHarm = ConcernRating.Low) =>
        new(LikelihoodRating.Low, "Settled at school.", null, seriousHarm, "No incidents.", null, ConcernRating.Medium, "Worries at home.", null);

    /// <summary>Every section answered, so the assessment can be submitted.</summary>
    private static Assessment Completed(ChildCase work, ConcernRating seriousHarm = ConcernRating.Low)
    {
        var assessment = Assessment.Start(work, null, Now, Sian);
        assessment.SetJudgements(work, Rated(seriousHarm), Now);
        foreach (var domain in Enum.GetValues<CafDomain>())
        {
            assessment.SetAreas(domain, Enum.GetValues<CafArea>().Where(a => CafAreas.DomainOf(a) == domain).Select(a => new AreaAnswer(a, null, null, ConcernMarker.NoConcern)).ToList(), Now);
        }

        assessment.SetAdversity(Enum.GetValues<Adversity>().Select(a => new AdversityAnswerInput(a, AdversityAnswer.No, null, null, null, null)).ToList(), Now);
        assessment.SetLearningNeeds(new LearningNeeds(AlnStatus.NoAdditionalNeeds, false, SpeechLanguageNeeds.None, Neurodiversity.None, null, SchoolAttachment.Strong, 96, 0, false, false, null), Now);
        assessment.SetStrengthsAndViews(new StrengthsAndViews("Close to her nan.", "Football.", null, "She wants to stay at her school.", null), Now);
        assessment.SetAnalysis("Low risk; some worries at home.", "- Weekly sessions\n* Check in with school\n\n", Now);
        return assessment;
    }

    [Fact]
    public void Start_ClosedCase_IsRefused()
    {
        var work = OpenCase();
        work.Close(ClosureReason.FamilyDeclined, DateOnly.FromDateTime(Now), [UniversalService.YouthService], null, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => Assessment.Start(work, null, Now, Sian));

        Assert.Equal("A closed case cannot be assessed. Reopen it first.", refused.Message);
    }

    [Fact]
    public void Start_WhileTheLastIsNotCountersigned_IsRefused()
    {
        var work = OpenCase();
        var first = Assessment.Start(work, null, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => Assessment.Start(work, first, Now, Sian));

        Assert.Equal("Finish the current assessment before starting another.", refused.Message);
    }

    [Fact]
    public void Start_AfterACountersignedOne_IsTheNextVersionPrefilledWithWhatIsKnown()
    {
        var work = OpenCase();
        var first = Completed(work);
        first.Submit(Now, Sian);
        first.Countersign(Now, Gareth);

        var second = Assessment.Start(work, first, Now.AddMonths(3), Sian);

        Assert.Equal(2, second.Number);
        Assert.Equal(AssessmentStatus.Draft, second.Status);
        Assert.Equal(ConcernRating.Medium, second.Wellbeing);
        Assert.Equal("Worries at home.", second.WellbeingRationale);
        Assert.Equal(SectionState.Completed, second.StateOf(AssessmentSection.Adversity));
    }

    [Fact]
    public void Submit_WithASectionUnanswered_IsRefused()
    {
        var assessment = Assessment.Start(OpenCase(), null, Now, Sian);
        assessment.SetAnalysis("Low risk.", "Weekly sessions.", Now);

        var refused = Assert.Throws<DomainRuleException>(() => assessment.Submit(Now, Sian));

        Assert.Equal("Complete every section of the assessment before submitting it.", refused.Message);
        Assert.Equal(SectionState.NotStarted, assessment.StateOf(AssessmentSection.Judgements));
        Assert.Equal(SectionState.Completed, assessment.StateOf(AssessmentSection.AnalysisAndRecommendations));
    }

    [Fact]
    public void Submitted_CannotBeChangedUntilReturned()
    {
        var work = OpenCase();
        var assessment = Completed(work);
        assessment.Submit(Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => assessment.SetAnalysis("Changed.", null, Now));
        assessment.Return("Say more about school.", Now, Gareth);
        assessment.SetAnalysis("Changed.", "Weekly sessions.", Now);

        Assert.Equal("A submitted assessment cannot be changed unless it is returned.", refused.Message);
        Assert.Equal(AssessmentStatus.Returned, assessment.Status);
        Assert.Equal("Say more about school.", assessment.ReturnComments);
        Assert.Equal("Changed.", assessment.Analysis);
    }

    [Fact]
    public void Countersign_BySubmitter_IsRefused()
    {
        var assessment = Completed(OpenCase());
        assessment.Submit(Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() => assessment.Countersign(Now, Sian));

        Assert.Equal("An assessment is countersigned by someone other than the person who submitted it.", refused.Message);
        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
    }

    [Fact]
    public void Countersigned_IsReadOnly()
    {
        var assessment = Completed(OpenCase());
        assessment.Submit(Now, Sian);
        assessment.Countersign(Now, Gareth);

        var refused = Assert.Throws<DomainRuleException>(() => assessment.SetAnalysis("Changed.", null, Now));

        Assert.Equal("A countersigned assessment cannot be changed. Start a reassessment instead.", refused.Message);
        Assert.Equal(Gareth, assessment.CountersignedByUserId);
    }

    [Fact]
    public void ReturnOrCountersign_BeforeSubmission_IsRefused()
    {
        var assessment = Completed(OpenCase());

        Assert.Throws<DomainRuleException>(() => assessment.Return("Not yet.", Now, Gareth));
        Assert.Throws<DomainRuleException>(() => assessment.Countersign(Now, Gareth));
    }

    [Fact]
    public void VeryHighRating_HoldsThePlanUntilCountersigned()
    {
        var assessment = Completed(OpenCase(), ConcernRating.VeryHigh);
        assessment.Submit(Now, Sian);
        var heldWhenSubmitted = assessment.HoldsThePlan;

        assessment.Countersign(Now, Gareth);

        Assert.True(heldWhenSubmitted);
        Assert.False(assessment.HoldsThePlan);
    }

    [Fact]
    public void AceCount_CountsTheTenAcesAnsweredYesOnly()
    {
        var assessment = Assessment.Start(OpenCase(), null, Now, Sian);

        assessment.SetAdversity(
        [
            new(Adversity.VerbalAbuse, AdversityAnswer.Yes, null, null, null, null),
            new(Adversity.ParentalSeparation, AdversityAnswer.Yes, null, null, null, null),
            new(Adversity.DomesticAbuse, AdversityAnswer.Yes, null, null, null, null),
            new(Adversity.HouseholdMentalIllness, AdversityAnswer.NotKnown, null, null, null, null),
            new(Adversity.Bereavement, AdversityAnswer.Yes, null, null, null, null),
        ], Now);

        Assert.Equal(3, assessment.AceCount);
        Assert.False(assessment.FourOrMoreAces);
    }

    [Fact]
    public void SetAreas_AnAreaOfAnotherDomain_IsRefused()
    {
        var assessment = Assessment.Start(OpenCase(), null, Now, Sian);

        var refused = Assert.Throws<DomainRuleException>(() =>
            assessment.SetAreas(CafDomain.ChildsDevelopment, [new AreaAnswer(CafArea.Housing, null, null, ConcernMarker.SomeConcern)], Now));

        Assert.Equal("An area answered is not in this part of the assessment.", refused.Message);
    }

    [Fact]
    public void RecommendationList_IsOneRecommendationPerLineWithoutBullets()
    {
        var assessment = Completed(OpenCase());

        Assert.Equal(["Weekly sessions", "Check in with school"], assessment.RecommendationList);
    }
}
