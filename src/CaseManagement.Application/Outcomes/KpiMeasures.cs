using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes;

/// <summary>One measure of a key performance indicator: the children whose answers meet it are counted, and listed behind the figure.</summary>
public sealed record KpiMeasure(string Kpi, string Measure, Func<KpiAnswers, bool> Meets);

/// <summary>
/// The measures of the quarterly return (decision 0048), each a count of children at the start and at the end of the
/// team's work. Out-of-court disposals are counted from the disposals (see <see cref="DisposalMeasures"/>); board
/// attendance is the team's own, not a child's.
/// </summary>
public static class KpiMeasures
{
    public static IReadOnlyList<KpiMeasure> All { get; } =
    [
        new("Accommodation", "Suitable", a => a.AccommodationSuitable),
        new("Education", "HoursOffered", a => a.EducationHoursOffered > 0),
        new("Education", "AttendingAllHoursOffered", a => a.EducationHoursOffered > 0 && a.EducationHoursAttended == a.EducationHoursOffered),
        new("LearningNeeds", "Identified", a => a.LearningNeeds != LearningNeedsStatus.NoNeedsIdentified),
        new("LearningNeeds", "WithPlan", a => a.LearningNeeds == LearningNeedsStatus.IdentifiedWithPlan),
        new("MentalHealth", "NeedIdentified", a => a.MentalHealth != SupportNeedStatus.NoNeed),
        new("MentalHealth", "Referred", a => a.MentalHealth is SupportNeedStatus.Referred or SupportNeedStatus.Attending),
        new("MentalHealth", "Attending", a => a.MentalHealth == SupportNeedStatus.Attending),
        new("SubstanceUse", "NeedIdentified", a => a.SubstanceUse != SupportNeedStatus.NoNeed),
        new("SubstanceUse", "Referred", a => a.SubstanceUse is SupportNeedStatus.Referred or SupportNeedStatus.Attending),
        new("SubstanceUse", "Attending", a => a.SubstanceUse == SupportNeedStatus.Attending),
        new("ChildrensServices", "ChildInNeed", a => a.ChildrensServices == ChildrensServicesStatus.ChildInNeed),
        new("ChildrensServices", "ChildProtection", a => a.ChildrensServices == ChildrensServicesStatus.ChildProtection),
        new("ChildrensServices", "LookedAfter", a => a.ChildrensServices == ChildrensServicesStatus.LookedAfter),
        new("ChildrensServices", "CareLeaver", a => a.ChildrensServices == ChildrensServicesStatus.CareLeaver),
        new("SeriousViolence", "SeriousViolence", a => a.SeriousViolence),
        new("Victims", "IdentifiedVictim", a => a.Victims != VictimStatus.NoIdentifiedVictim),
        new("Victims", "Contacted", a => a.Victims is VictimStatus.Contacted or VictimStatus.Consented or VictimStatus.TookPart),
        new("Victims", "Consented", a => a.Victims is VictimStatus.Consented or VictimStatus.TookPart),
        new("Victims", "TookPart", a => a.Victims == VictimStatus.TookPart),
    ];

    public static KpiMeasure? Find(string? kpi, string? measure) =>
        All.FirstOrDefault(m => string.Equals(m.Kpi, kpi, StringComparison.Ordinal) && string.Equals(m.Measure, measure, StringComparison.Ordinal));
}

/// <summary>The out-of-court disposal indicator (KPI 6): of the children of the quarter, those with an out-of-court outcome, and those who completed it.</summary>
public static class DisposalMeasures
{
    public const string Kpi = "OutOfCourtDisposals";
    public const string WithOutcome = "WithOutcome";
    public const string Completed = "Completed";
}
