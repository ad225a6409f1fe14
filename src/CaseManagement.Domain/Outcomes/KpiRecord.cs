using CaseManagement.Domain.Cases;

namespace CaseManagement.Domain.Outcomes;

/// <summary>The answers to the Youth Justice Board's key performance indicators that are the child's own (KPIs 1-5, 7, 8, 9).</summary>
public sealed record KpiAnswers(
    bool AccommodationSuitable,
    int EducationHoursOffered,
    int EducationHoursAttended,
    LearningNeedsStatus LearningNeeds,
    SupportNeedStatus MentalHealth,
    SupportNeedStatus SubstanceUse,
    ChildrensServicesStatus ChildrensServices,
    bool SeriousViolence,
    VictimStatus Victims);

/// <summary>
/// The key performance indicators of one child at one point of the team's work (issue 19): one at the start, one at
/// the end (recording either again corrects it), and one at each review where something changed. The out-of-court
/// disposal indicator comes from the case's disposals and the board's attendance is the team's, so neither is here.
/// </summary>
public sealed class KpiRecord : Entity
{
    public const int MostHoursAWeek = 40;

    // For EF Core.
    private KpiRecord()
        : base(Guid.Empty)
    {
    }

    private KpiRecord(ChildCase forCase, KpiStage stage)
        : base(Guid.NewGuid())
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        Stage = stage;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public KpiStage Stage { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public bool AccommodationSuitable { get; private set; }

    public int EducationHoursOffered { get; private set; }

    public int EducationHoursAttended { get; private set; }

    public LearningNeedsStatus LearningNeeds { get; private set; }

    public SupportNeedStatus MentalHealth { get; private set; }

    public SupportNeedStatus SubstanceUse { get; private set; }

    public ChildrensServicesStatus ChildrensServices { get; private set; }

    public bool SeriousViolence { get; private set; }

    public VictimStatus Victims { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public KpiAnswers Answers => new(AccommodationSuitable, EducationHoursOffered, EducationHoursAttended, LearningNeeds, MentalHealth, SubstanceUse, ChildrensServices, SeriousViolence, Victims);

    /// <summary>
    /// Records the indicators at a stage. <paramref name="existing"/> are the case's records so far: a start or end
    /// already recorded is corrected in place (and returned), a review that changes nothing is refused.
    /// </summary>
    public static KpiRecord Record(ChildCase forCase, IReadOnlyCollection<KpiRecord> existing, KpiStage stage, DateOnly on, KpiAnswers answers, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(answers);
        Check(answers);
        if (on > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The date must be today or in the past.", "RecordedOn");
        }

        if (on < DateOnly.FromDateTime(forCase.OpenedAtUtc))
        {
            throw new DomainRuleException("The date cannot be before the case was opened.", "RecordedOn");
        }

        var start = existing.FirstOrDefault(r => r.Stage == KpiStage.Start);
        if (stage != KpiStage.Start && start is null)
        {
            throw new DomainRuleException("Record the indicators at the start of the work first.", "Stage");
        }

        if (stage != KpiStage.Start && on < start!.RecordedOn)
        {
            throw new DomainRuleException("The date cannot be before the indicators at the start.", "RecordedOn");
        }

        if (stage == KpiStage.Review)
        {
            var latest = existing.Where(r => r.Stage != KpiStage.End).OrderBy(r => r.RecordedOn).ThenBy(r => r.RecordedAtUtc).Last();
            if (latest.Answers == answers)
            {
                throw new DomainRuleException("Nothing has changed since the indicators were last recorded: a review records them only when they change.", "Stage");
            }
        }

        var record = stage == KpiStage.Review ? null : existing.FirstOrDefault(r => r.Stage == stage);
        record ??= new KpiRecord(forCase, stage);
        record.Set(on, answers, nowUtc, byUserId);
        return record;
    }

    private static void Check(KpiAnswers answers)
    {
        if (answers.EducationHoursOffered is < 0 or > MostHoursAWeek)
        {
            throw new DomainRuleException("The hours offered must be a whole number from 0 to 40.", "EducationHoursOffered");
        }

        if (answers.EducationHoursAttended < 0 || answers.EducationHoursAttended > answers.EducationHoursOffered)
        {
            throw new DomainRuleException("The hours attended cannot be more than the hours offered.", "EducationHoursAttended");
        }

        if (!Enum.IsDefined(answers.LearningNeeds) || !Enum.IsDefined(answers.MentalHealth) || !Enum.IsDefined(answers.SubstanceUse)
            || !Enum.IsDefined(answers.ChildrensServices) || !Enum.IsDefined(answers.Victims))
        {
            throw new DomainRuleException("Answer every indicator.");
        }
    }

    private void Set(DateOnly on, KpiAnswers answers, DateTime nowUtc, Guid? byUserId)
    {
        RecordedOn = on;
        AccommodationSuitable = answers.AccommodationSuitable;
        EducationHoursOffered = answers.EducationHoursOffered;
        EducationHoursAttended = answers.EducationHoursAttended;
        LearningNeeds = answers.LearningNeeds;
        MentalHealth = answers.MentalHealth;
        SubstanceUse = answers.SubstanceUse;
        ChildrensServices = answers.ChildrensServices;
        SeriousViolence = answers.SeriousViolence;
        Victims = answers.Victims;
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }
}
