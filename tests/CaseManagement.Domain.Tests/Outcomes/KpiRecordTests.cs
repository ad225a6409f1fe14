using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Domain.Tests.Outcomes;

public sealed class KpiRecordTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly ChildCase Case = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-60), null);

    private static readonly KpiAnswers Answers = new(true, 25, 20, LearningNeedsStatus.IdentifiedWithPlan, SupportNeedStatus.Referred, SupportNeedStatus.NoNeed, ChildrensServicesStatus.ChildInNeed, false, VictimStatus.Contacted);

    [Fact]
    public void Record_TheStartAgain_CorrectsItInPlace()
    {
        var start = KpiRecord.Record(Case, [], KpiStage.Start, Today.AddDays(-50), Answers, Now, null);

        var again = KpiRecord.Record(Case, [start], KpiStage.Start, Today.AddDays(-49), Answers with { AccommodationSuitable = false }, Now, null);

        Assert.Same(start, again);
        Assert.Equal((Today.AddDays(-49), false), (start.RecordedOn, start.AccommodationSuitable));
    }

    [Fact]
    public void Record_AReviewThatChangesNothing_IsRefused()
    {
        var start = KpiRecord.Record(Case, [], KpiStage.Start, Today.AddDays(-50), Answers, Now, null);

        var refused = Assert.Throws<DomainRuleException>(() => KpiRecord.Record(Case, [start], KpiStage.Review, Today.AddDays(-10), Answers, Now, null));

        Assert.Equal("Nothing has changed since the indicators were last recorded: a review records them only when they change.", refused.Message);
        var review = KpiRecord.Record(Case, [start], KpiStage.Review, Today.AddDays(-10), Answers with { MentalHealth = SupportNeedStatus.Attending }, Now, null);
        Assert.NotSame(start, review);
    }

    [Fact]
    public void Record_TheEndBeforeTheStart_IsRefused()
    {
        Assert.Equal(
            "Record the indicators at the start of the work first.",
            Assert.Throws<DomainRuleException>(() => KpiRecord.Record(Case, [], KpiStage.End, Today, Answers, Now, null)).Message);
        var start = KpiRecord.Record(Case, [], KpiStage.Start, Today.AddDays(-20), Answers, Now, null);
        Assert.Equal(
            "The date cannot be before the indicators at the start.",
            Assert.Throws<DomainRuleException>(() => KpiRecord.Record(Case, [start], KpiStage.End, Today.AddDays(-21), Answers, Now, null)).Message);
    }

    [Fact]
    public void Record_MoreHoursAttendedThanOffered_IsRefused() =>
        Assert.Equal(
            "The hours attended cannot be more than the hours offered.",
            Assert.Throws<DomainRuleException>(() => KpiRecord.Record(Case, [], KpiStage.Start, Today, Answers with { EducationHoursAttended = 26 }, Now, null)).Message);

    [Fact]
    public void LaterOffence_BeforeTheCaseOpened_IsRefused() =>
        Assert.Equal(
            "A later offence cannot be before the case was opened.",
            Assert.Throws<DomainRuleException>(() => LaterOffence.Record(Case, Today.AddDays(-61), "Theft", 2, LaterOffenceSource.Police, LaterOffenceOutcome.NotYetKnown, null, Now, null)).Message);

    [Fact]
    public void Disposal_Turnaround_IsEligibleFromTenToSeventeenOnTheTriggerDay()
    {
        var disposal = Disposal.Record(Case, "Shop theft", Today.AddDays(-5), 2, OutOfCourtOutcome.CommunityResolution, Today.AddDays(-3), Now, null);

        disposal.RecordTurnaround("Released under investigation", Today.AddDays(-5), Today.AddDays(-5).AddYears(-10), Now);
        Assert.Equal((10, true), (disposal.TurnaroundAge, disposal.TurnaroundEligible));

        disposal.RecordTurnaround("Released under investigation", Today.AddDays(-5), Today.AddDays(-4).AddYears(-10), Now);
        Assert.Equal((9, false), (disposal.TurnaroundAge, disposal.TurnaroundEligible));
    }
}
