using System.Globalization;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Assessments;

/// <summary>One Common Assessment Framework area: strengths, needs, and how much concern it raises.</summary>
public sealed class AssessmentArea
{
    // For EF Core.
    private AssessmentArea()
    {
    }

    internal AssessmentArea(Guid assessmentId, CafArea area)
    {
        Id = Guid.NewGuid();
        AssessmentId = assessmentId;
        Area = area;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public CafArea Area { get; private set; }

    public string? Strengths { get; private set; }

    public string? Needs { get; private set; }

    public ConcernMarker? Marker { get; private set; }

    internal void Set(string? strengths, string? needs, ConcernMarker? marker) =>
        (Strengths, Needs, Marker) = (Assessment.Clean(strengths), Assessment.Clean(needs), marker);
}

/// <summary>The answer to one adversity prompt: what is known, from whom, and when.</summary>
public sealed class AdversityRecord
{
    // For EF Core.
    private AdversityRecord()
    {
    }

    internal AdversityRecord(Guid assessmentId, Adversity adversity)
    {
        Id = Guid.NewGuid();
        AssessmentId = assessmentId;
        Adversity = adversity;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Adversity Adversity { get; private set; }

    public AdversityAnswer? Answer { get; private set; }

    /// <summary>Why the question was not asked (not yet the right time, the child was distressed, ...).</summary>
    public string? NotAskedReason { get; private set; }

    public string? Source { get; private set; }

    public DateOnly? RecordedOn { get; private set; }

    public string? Notes { get; private set; }

    internal void Set(AdversityAnswer? answer, string? notAskedReason, string? source, DateOnly? recordedOn, string? notes) =>
        (Answer, NotAskedReason, Source, RecordedOn, Notes) = (answer, answer == AdversityAnswer.NotAsked ? Assessment.Clean(notAskedReason) : null, Assessment.Clean(source), recordedOn, Assessment.Clean(notes));
}

/// <summary>The judgements of an assessment: each a rating, the rationale for it, and the evidence behind it.</summary>
public sealed record Judgements(
    LikelihoodRating? Reoffending,
    string? ReoffendingRationale,
    string? ReoffendingEvidence,
    ConcernRating? SeriousHarm,
    string? SeriousHarmRationale,
    string? SeriousHarmEvidence,
    ConcernRating? Wellbeing,
    string? WellbeingRationale,
    string? WellbeingEvidence);

public sealed record LearningNeeds(
    AlnStatus? Status,
    bool HasIndividualDevelopmentPlan,
    SpeechLanguageNeeds? SpeechLanguage,
    Neurodiversity? Neurodiversity,
    string? NeurodiversityNotes,
    SchoolAttachment? SchoolAttachment,
    int? AttendancePercent,
    int FixedTermExclusions,
    bool PermanentlyExcluded,
    bool EducationalPsychologistInvolved,
    string? Notes);

public sealed record StrengthsAndViews(string? Relationships, string? Interests, string? Aspirations, string? ChildView, string? ParentView);

public sealed record AreaAnswer(CafArea Area, string? Strengths, string? Needs, ConcernMarker? Marker);

public sealed record AdversityAnswerInput(Adversity Adversity, AdversityAnswer? Answer, string? NotAskedReason, string? Source, DateOnly? RecordedOn, string? Notes);

/// <summary>How far a section of the task list has got.</summary>
public enum SectionState
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>
/// The TrACE (trauma and ACE informed) assessment of a child: three judgements, every CAF area, adversity and learning
/// needs prompts, strengths and the voices of the child and family, an analysis and recommendations. Drafted, submitted,
/// countersigned (or returned with comments) by a team manager; a countersigned version is read-only, and a
/// reassessment is a new version prefilled from the last.
/// </summary>
public sealed class Assessment : Entity
{
    public const int TextMaxLength = 4000;

    private readonly List<AssessmentArea> _areas = [];
    private readonly List<AdversityRecord> _adversities = [];

    // For EF Core.
    private Assessment()
        : base(Guid.Empty)
    {
    }

    private Assessment(Guid caseId, Guid childId, Guid teamId, int number, Guid? previousId, DateTime nowUtc, Guid? byUserId)
        : base(Guid.NewGuid())
    {
        CaseId = caseId;
        ChildId = childId;
        TeamId = teamId;
        Number = number;
        PreviousAssessmentId = previousId;
        Status = AssessmentStatus.Draft;
        CreatedAtUtc = nowUtc;
        CreatedByUserId = byUserId;
        UpdatedAtUtc = nowUtc;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    /// <summary>1 for the first assessment of the case, then 2, 3, ... for each reassessment.</summary>
    public int Number { get; private set; }

    public Guid? PreviousAssessmentId { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }

    public DateTime? ReturnedAtUtc { get; private set; }

    public string? ReturnComments { get; private set; }

    public DateTime? CountersignedAtUtc { get; private set; }

    public Guid? CountersignedByUserId { get; private set; }

    public LikelihoodRating? Reoffending { get; private set; }

    public string? ReoffendingRationale { get; private set; }

    public string? ReoffendingEvidence { get; private set; }

    public ConcernRating? SeriousHarm { get; private set; }

    public string? SeriousHarmRationale { get; private set; }

    public string? SeriousHarmEvidence { get; private set; }

    public ConcernRating? Wellbeing { get; private set; }

    public string? WellbeingRationale { get; private set; }

    public string? WellbeingEvidence { get; private set; }

    public AlnStatus? Aln { get; private set; }

    public bool HasIndividualDevelopmentPlan { get; private set; }

    public SpeechLanguageNeeds? SpeechLanguage { get; private set; }

    public Neurodiversity? Neurodiversity { get; private set; }

    public string? NeurodiversityNotes { get; private set; }

    public SchoolAttachment? SchoolAttachment { get; private set; }

    public int? AttendancePercent { get; private set; }

    public int FixedTermExclusions { get; private set; }

    public bool PermanentlyExcluded { get; private set; }

    public bool EducationalPsychologistInvolved { get; private set; }

    public string? LearningNotes { get; private set; }

    public string? Relationships { get; private set; }

    public string? Interests { get; private set; }

    public string? Aspirations { get; private set; }

    public string? ChildView { get; private set; }

    public string? ParentView { get; private set; }

    public string? Analysis { get; private set; }

    /// <summary>One recommendation per line; each becomes a draft goal of the plan when the assessment is countersigned.</summary>
    public string? Recommendations { get; private set; }

    /// <summary>Optimistic concurrency: two people saving the same assessment at once cannot both win.</summary>
    public int Revision { get; private set; }

    public IReadOnlyCollection<AssessmentArea> Areas => _areas;

    public IReadOnlyCollection<AdversityRecord> Adversities => _adversities;

    public bool IsEditable => Status is AssessmentStatus.Draft or AssessmentStatus.Returned;

    /// <summary>How many of the ten ACEs the child has experienced, as far as is known.</summary>
    public int AceCount => _adversities.Count(a => Assessments.Adversities.IsAce(a.Adversity) && a.Answer == AdversityAnswer.Yes);

    public bool FourOrMoreAces => AceCount >= 4;

    /// <summary>A very high rating holds the plan back until a team manager has countersigned the assessment.</summary>
    public bool HoldsThePlan => (SeriousHarm == ConcernRating.VeryHigh || Wellbeing == ConcernRating.VeryHigh) && Status != AssessmentStatus.Countersigned;

    public IReadOnlyList<string> RecommendationList =>
        Recommendations is null ? [] : Recommendations.Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Starts an assessment of the case: the first, or a reassessment prefilled from the last countersigned one, so
    /// that what is already known is shown, not asked again.
    /// </summary>
    public static Assessment Start(ChildCase forCase, Assessment? previous, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        forCase.EnsureOpen("A closed case cannot be assessed. Reopen it first.");
        if (previous is not null && previous.Status != AssessmentStatus.Countersigned)
        {
            throw new DomainRuleException("Finish the current assessment before starting another.");
        }

        var started = new Assessment(forCase.Id, forCase.ChildId, forCase.TeamId, (previous?.Number ?? 0) + 1, previous?.Id, nowUtc, byUserId);
        foreach (var area in Enum.GetValues<CafArea>())
        {
            var added = new AssessmentArea(started.Id, area);
            var known = previous?._areas.FirstOrDefault(a => a.Area == area);
            added.Set(known?.Strengths, known?.Needs, known?.Marker);
            started._areas.Add(added);
        }

        foreach (var adversity in Enum.GetValues<Adversity>())
        {
            var added = new AdversityRecord(started.Id, adversity);
            var known = previous?._adversities.FirstOrDefault(a => a.Adversity == adversity);
            added.Set(known?.Answer, known?.NotAskedReason, known?.Source, known?.RecordedOn, known?.Notes);
            started._adversities.Add(added);
        }

        if (previous is not null)
        {
            started.CopyFrom(previous);
        }

        forCase.Rated(started.Reoffending, started.SeriousHarm, started.Wellbeing);

        started.Happened(TimelineKind.AssessmentStarted, nowUtc, byUserId);
        return started;
    }

    /// <summary>Sets the three judgements; the case (whose latest assessment this is: only the latest can change) weighs them.</summary>
    public void SetJudgements(ChildCase ofCase, Judgements judgements, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ArgumentNullException.ThrowIfNull(judgements);
        if (ofCase.Id != CaseId)
        {
            throw new ArgumentException("The judgements weigh the assessment's own case.", nameof(ofCase));
        }

        EnsureEditable();
        Reoffending = judgements.Reoffending;
        ReoffendingRationale = Clean(judgements.ReoffendingRationale);
        ReoffendingEvidence = Clean(judgements.ReoffendingEvidence);
        SeriousHarm = judgements.SeriousHarm;
        SeriousHarmRationale = Clean(judgements.SeriousHarmRationale);
        SeriousHarmEvidence = Clean(judgements.SeriousHarmEvidence);
        Wellbeing = judgements.Wellbeing;
        WellbeingRationale = Clean(judgements.WellbeingRationale);
        WellbeingEvidence = Clean(judgements.WellbeingEvidence);
        ofCase.Rated(Reoffending, SeriousHarm, Wellbeing);
        Touch(nowUtc);
    }

    public void SetAreas(CafDomain domain, IReadOnlyCollection<AreaAnswer> answers, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureEditable();
        if (answers.Any(a => CafAreas.DomainOf(a.Area) != domain))
        {
            throw new DomainRuleException("An area answered is not in this part of the assessment.");
        }

        foreach (var answer in answers)
        {
            _areas.Single(a => a.Area == answer.Area).Set(answer.Strengths, answer.Needs, answer.Marker);
        }

        Touch(nowUtc);
    }

    public void SetAdversity(IReadOnlyCollection<AdversityAnswerInput> answers, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureEditable();
        foreach (var answer in answers)
        {
            _adversities.Single(a => a.Adversity == answer.Adversity).Set(answer.Answer, answer.NotAskedReason, answer.Source, answer.RecordedOn, answer.Notes);
        }

        Touch(nowUtc);
    }

    public void SetLearningNeeds(LearningNeeds needs, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(needs);
        EnsureEditable();
        Aln = needs.Status;
        HasIndividualDevelopmentPlan = needs.HasIndividualDevelopmentPlan;
        SpeechLanguage = needs.SpeechLanguage;
        Neurodiversity = needs.Neurodiversity;
        NeurodiversityNotes = Clean(needs.NeurodiversityNotes);
        SchoolAttachment = needs.SchoolAttachment;
        AttendancePercent = needs.AttendancePercent;
        FixedTermExclusions = needs.FixedTermExclusions;
        PermanentlyExcluded = needs.PermanentlyExcluded;
        EducationalPsychologistInvolved = needs.EducationalPsychologistInvolved;
        LearningNotes = Clean(needs.Notes);
        Touch(nowUtc);
    }

    public void SetStrengthsAndViews(StrengthsAndViews views, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(views);
        EnsureEditable();
        (Relationships, Interests, Aspirations, ChildView, ParentView) = (Clean(views.Relationships), Clean(views.Interests), Clean(views.Aspirations), Clean(views.ChildView), Clean(views.ParentView));
        Touch(nowUtc);
    }

    public void SetAnalysis(string? analysis, string? recommendations, DateTime nowUtc)
    {
        EnsureEditable();
        (Analysis, Recommendations) = (Clean(analysis), Clean(recommendations));
        Touch(nowUtc);
    }

    public SectionState StateOf(AssessmentSection section) => section switch
    {
        AssessmentSection.Judgements => State(
            Reoffending is not null && SeriousHarm is not null && Wellbeing is not null && ReoffendingRationale is not null && SeriousHarmRationale is not null && WellbeingRationale is not null,
            Reoffending is not null || SeriousHarm is not null || Wellbeing is not null || ReoffendingRationale is not null || SeriousHarmRationale is not null || WellbeingRationale is not null),
        AssessmentSection.ChildsDevelopment => AreasState(CafDomain.ChildsDevelopment),
        AssessmentSection.ParentsAndCarers => AreasState(CafDomain.ParentsAndCarers),
        AssessmentSection.FamilyAndEnvironment => AreasState(CafDomain.FamilyAndEnvironment),
        AssessmentSection.Adversity => State(
            _adversities.All(a => a.Answer is not null && (a.Answer != AdversityAnswer.NotAsked || a.NotAskedReason is not null)),
            _adversities.Any(a => a.Answer is not null)),
        AssessmentSection.LearningNeeds => State(
            Aln is not null && SpeechLanguage is not null && Neurodiversity is not null && SchoolAttachment is not null,
            Aln is not null || SpeechLanguage is not null || Neurodiversity is not null || SchoolAttachment is not null),
        AssessmentSection.StrengthsAndViews => State(
            ChildView is not null && (Relationships is not null || Interests is not null || Aspirations is not null),
            ChildView is not null || ParentView is not null || Relationships is not null || Interests is not null || Aspirations is not null),
        _ => State(Analysis is not null && Recommendations is not null, Analysis is not null || Recommendations is not null),
    };

    public void Submit(DateTime nowUtc, Guid? byUserId)
    {
        EnsureEditable();
        var unfinished = Enum.GetValues<AssessmentSection>().Where(s => StateOf(s) != SectionState.Completed).ToList();
        if (unfinished.Count > 0)
        {
            throw new DomainRuleException("Complete every section of the assessment before submitting it.");
        }

        Status = AssessmentStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedByUserId = byUserId;
        Touch(nowUtc);
        Happened(TimelineKind.AssessmentSubmitted, nowUtc, byUserId);
    }

    /// <summary>A team manager sends the assessment back with comments; it can be changed and submitted again.</summary>
    public void Return(string comments, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comments);
        EnsureSubmitted();
        Status = AssessmentStatus.Returned;
        ReturnedAtUtc = nowUtc;
        ReturnComments = comments.Trim();
        Touch(nowUtc);
        Happened(TimelineKind.AssessmentReturned, nowUtc, byUserId);
    }

    /// <summary>A team manager other than the one who submitted it countersigns: the version is then read-only.</summary>
    public void Countersign(DateTime nowUtc, Guid? byUserId)
    {
        EnsureSubmitted();
        if (byUserId is not null && byUserId == SubmittedByUserId)
        {
            throw new DomainRuleException("An assessment is countersigned by someone other than the person who submitted it.");
        }

        Status = AssessmentStatus.Countersigned;
        CountersignedAtUtc = nowUtc;
        CountersignedByUserId = byUserId;
        Touch(nowUtc);
        Happened(TimelineKind.AssessmentCountersigned, nowUtc, byUserId);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SectionState State(bool complete, bool started) => complete ? SectionState.Completed : started ? SectionState.InProgress : SectionState.NotStarted;

    private SectionState AreasState(CafDomain domain)
    {
        var areas = _areas.Where(a => CafAreas.DomainOf(a.Area) == domain).ToList();
        return State(areas.All(a => a.Marker is not null), areas.Any(a => a.Marker is not null || a.Strengths is not null || a.Needs is not null));
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(Status == AssessmentStatus.Countersigned
                ? "A countersigned assessment cannot be changed. Start a reassessment instead."
                : "A submitted assessment cannot be changed unless it is returned.");
        }
    }

    private void EnsureSubmitted()
    {
        if (Status != AssessmentStatus.Submitted)
        {
            throw new DomainRuleException("Only a submitted assessment can be countersigned or returned.");
        }
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Revision++;
    }

    private void CopyFrom(Assessment previous)
    {
        (Reoffending, ReoffendingRationale, ReoffendingEvidence) = (previous.Reoffending, previous.ReoffendingRationale, previous.ReoffendingEvidence);
        (SeriousHarm, SeriousHarmRationale, SeriousHarmEvidence) = (previous.SeriousHarm, previous.SeriousHarmRationale, previous.SeriousHarmEvidence);
        (Wellbeing, WellbeingRationale, WellbeingEvidence) = (previous.Wellbeing, previous.WellbeingRationale, previous.WellbeingEvidence);
        (Aln, HasIndividualDevelopmentPlan, SpeechLanguage, Neurodiversity, NeurodiversityNotes) = (previous.Aln, previous.HasIndividualDevelopmentPlan, previous.SpeechLanguage, previous.Neurodiversity, previous.NeurodiversityNotes);
        (SchoolAttachment, AttendancePercent, FixedTermExclusions, PermanentlyExcluded, EducationalPsychologistInvolved, LearningNotes) =
            (previous.SchoolAttachment, previous.AttendancePercent, previous.FixedTermExclusions, previous.PermanentlyExcluded, previous.EducationalPsychologistInvolved, previous.LearningNotes);
        (Relationships, Interests, Aspirations, ChildView, ParentView) = (previous.Relationships, previous.Interests, previous.Aspirations, previous.ChildView, previous.ParentView);
        (Analysis, Recommendations) = (previous.Analysis, previous.Recommendations);
    }

    private void Happened(TimelineKind kind, DateTime nowUtc, Guid? byUserId) =>
        Record(new AssessmentEvent(nowUtc, CaseId, ChildId, kind, Number.ToString(CultureInfo.InvariantCulture), byUserId));
}

public sealed record AssessmentEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, string? Detail, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;
}
