using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Tests.Work;

public sealed class InterventionTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static (ChildCase Case, InterventionKind Kind) Setup()
    {
        var @case = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now, null);
        return (@case, InterventionKind.StandardFor(@case.TeamId, Now)[0]);
    }

    private static InterventionPlan Plan(DateOnly? start = null, DateOnly? end = null, Guid? agency = null, string? name = "Valleys Mentoring Project") =>
        new(agency, name, start, end, [], []);

    [Fact]
    public void Offer_OfTheTeamsKind_IsPlannedAndOnTheTimeline()
    {
        var (@case, kind) = Setup();
        var intervention = Intervention.Offer(@case, kind, Plan(Today, Today.AddDays(30)), [], Now, null);
        Assert.Equal(InterventionStatus.Planned, intervention.Status);
        Assert.Equal(TimelineKind.InterventionPlanned, Assert.IsAssignableFrom<ITimelineEvent>(Assert.Single(intervention.Events)).Kind);
    }

    [Fact]
    public void Offer_RetiredKindOrAnotherTeams_IsRefused()
    {
        var (@case, kind) = Setup();
        kind.Retire(Now);
        Assert.Equal("Choose a kind of intervention the team offers.", Assert.Throws<DomainRuleException>(() => Intervention.Offer(@case, kind, Plan(), [], Now, null)).Message);
        var other = InterventionKind.StandardFor(Guid.NewGuid(), Now)[0];
        Assert.Throws<DomainRuleException>(() => Intervention.Offer(@case, other, Plan(), [], Now, null));
    }

    [Theory]
    [InlineData(true, "Valleys")]
    [InlineData(false, null)]
    public void Offer_WithBothOrNeitherProvider_IsRefused(bool agency, string? name)
    {
        var (@case, kind) = Setup();
        var rule = Assert.Throws<DomainRuleException>(() => Intervention.Offer(@case, kind, Plan(agency: agency ? Guid.NewGuid() : null, name: name), [], Now, null));
        Assert.Equal("ProviderAgencyId", rule.Field);
    }

    [Fact]
    public void Offer_PlannedEndBeforeStart_IsRefused()
    {
        var (@case, kind) = Setup();
        Assert.Equal("The planned end cannot be before the planned start.", Assert.Throws<DomainRuleException>(() => Intervention.Offer(@case, kind, Plan(Today, Today.AddDays(-1)), [], Now, null)).Message);
    }

    [Fact]
    public void Offer_ANeedTheAssessmentDidNotRecord_IsRefused()
    {
        var (@case, kind) = Setup();
        var plan = Plan() with { Needs = [AssessedNeed.Of(JudgementNeed.Wellbeing)] };
        Assert.Throws<DomainRuleException>(() => Intervention.Offer(@case, kind, plan, [], Now, null));
        Assert.Equal("Judgement:Wellbeing", Intervention.Offer(@case, kind, plan, [AssessedNeed.Of(JudgementNeed.Wellbeing)], Now, null).Needs);
    }

    [Fact]
    public void Complete_BeforeStarting_IsRefused()
    {
        var (@case, kind) = Setup();
        var intervention = Intervention.Offer(@case, kind, Plan(), [], Now, null);
        Assert.Equal("An intervention cannot be completed before it has started.", Assert.Throws<DomainRuleException>(() => intervention.Complete(@case, Today, Now, null)).Message);
    }

    [Fact]
    public void Complete_BeforeTheStartDateOrInTheFuture_IsRefused()
    {
        var (@case, kind) = Setup();
        var intervention = Intervention.Offer(@case, kind, Plan(), [], Now, null);
        intervention.Start(@case, Today.AddDays(-2), Now, null);
        Assert.Equal("The end date cannot be before the intervention started.", Assert.Throws<DomainRuleException>(() => intervention.Complete(@case, Today.AddDays(-3), Now, null)).Message);
        Assert.Equal("The end date must be today or in the past.", Assert.Throws<DomainRuleException>(() => intervention.Complete(@case, Today.AddDays(1), Now, null)).Message);
        intervention.Complete(@case, Today, Now, null);
        Assert.Equal((InterventionStatus.Completed, Today), (intervention.Status, intervention.ActualEnd));
    }

    [Fact]
    public void Stop_WithoutAReasonOrOnceEnded_IsRefused()
    {
        var (@case, kind) = Setup();
        var intervention = Intervention.Offer(@case, kind, Plan(), [], Now, null);
        Assert.Equal("Give the reason the intervention stopped.", Assert.Throws<DomainRuleException>(() => intervention.Stop(@case, Today, " ", Now, null)).Message);
        intervention.Stop(@case, Today, "The family moved away", Now, null);
        Assert.Equal("This intervention has already ended.", Assert.Throws<DomainRuleException>(() => intervention.Stop(@case, Today, "Again", Now, null)).Message);
        Assert.Equal("Only a planned intervention can be started.", Assert.Throws<DomainRuleException>(() => intervention.Start(@case, Today, Now, null)).Message);
    }

    [Fact]
    public void Start_OnAClosedCase_IsRefused()
    {
        var (@case, kind) = Setup();
        var intervention = Intervention.Offer(@case, kind, Plan(), [], Now, null);
        @case.Close(ClosureReason.FamilyDeclined, Today, [], null, Now, null);
        Assert.Equal("The interventions of a closed case cannot be changed. Reopen it first.", Assert.Throws<DomainRuleException>(() => intervention.Start(@case, Today, Now, null)).Message);
    }

    [Fact]
    public void Kind_AddedWithANameTheTeamHas_IsRefused_AndRenamingKeepsItsOwnName()
    {
        var kinds = InterventionKind.StandardFor(Guid.NewGuid(), Now);
        Assert.Equal(11, kinds.Count);
        Assert.Equal("The team already has a kind of intervention with this name.", Assert.Throws<DomainRuleException>(() => InterventionKind.Add(kinds[0].TeamId, "mentoring", "Rhywbeth", kinds, Now)).Message);
        var added = InterventionKind.Add(kinds[0].TeamId, "Cooking skills", "Sgiliau coginio", kinds, Now);
        Assert.Equal(12, added.SortOrder);
        kinds[0].Rename("Mentoring", "Mentora newydd", kinds);
        Assert.Equal("Mentora newydd", kinds[0].NameWelsh);
        kinds[0].Retire(Now);
        Assert.Throws<DomainRuleException>(() => kinds[0].Retire(Now));
        kinds[0].Restore();
        Assert.False(kinds[0].IsRetired);
    }
}
