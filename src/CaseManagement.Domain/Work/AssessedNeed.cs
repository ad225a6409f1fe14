using CaseManagement.Domain.Assessments;

namespace CaseManagement.Domain.Work;

/// <summary>What part of the TrACE assessment a need comes from.</summary>
public enum AssessedNeedKind
{
    /// <summary>A Common Assessment Framework area marked with some or significant concern.</summary>
    Caf,

    /// <summary>One of the ten adverse childhood experiences, answered "yes".</summary>
    Ace,

    /// <summary>Wider adversity (bereavement, exploitation, poverty, ...), answered "yes".</summary>
    Adversity,

    /// <summary>A learning need: additional learning needs, speech and language, neurodiversity, school.</summary>
    Learning,

    /// <summary>One of the three judgements, rated medium or above.</summary>
    Judgement,
}

/// <summary>The learning needs the assessment's learning section can record.</summary>
public enum LearningNeed
{
    AdditionalLearningNeeds,
    SpeechLanguage,
    Neurodiversity,
    SchoolAttachment,
    Attendance,
    Exclusion,
}

/// <summary>The three judgements of the assessment, as needs a plan answers.</summary>
public enum JudgementNeed
{
    Reoffending,
    SeriousHarm,
    Wellbeing,
}

/// <summary>
/// One need the child's assessment recorded, named by its kind and key (<c>Caf:Learning</c>, <c>Ace:DomesticAbuse</c>,
/// <c>Learning:SpeechLanguage</c>, <c>Judgement:Wellbeing</c>): the code goals, actions and interventions store to say
/// what they answer. <see cref="LabelKey"/> names its English and Welsh label among the service's strings, the same
/// words the assessment itself uses, so a need reads the same on the assessment and on the plan.
/// </summary>
public readonly record struct AssessedNeed
{
    private const char Separator = ':';
    private const char ListSeparator = ',';

    private AssessedNeed(AssessedNeedKind kind, string key) => (Kind, Key) = (kind, key);

    public AssessedNeedKind Kind { get; }

    public string Key { get; }

    public string Code => $"{Kind}{Separator}{Key}";

    public string LabelKey => Kind switch
    {
        AssessedNeedKind.Caf => $"CafArea.{Key}",
        AssessedNeedKind.Ace or AssessedNeedKind.Adversity => $"Adversity.{Key}",
        _ => $"AssessedNeed.{Kind}.{Key}",
    };

    /// <summary>An answer only the team may read (abuse, exploitation, domestic abuse): a seconded practitioner is not shown the need.</summary>
    public bool IsSensitive => Kind is AssessedNeedKind.Ace or AssessedNeedKind.Adversity && Adversities.IsSensitive(Enum.Parse<Adversity>(Key));

    public static AssessedNeed Of(CafArea area) => new(AssessedNeedKind.Caf, area.ToString());

    public static AssessedNeed Of(Adversity adversity) =>
        new(Adversities.IsAce(adversity) ? AssessedNeedKind.Ace : AssessedNeedKind.Adversity, adversity.ToString());

    public static AssessedNeed Of(LearningNeed need) => new(AssessedNeedKind.Learning, need.ToString());

    public static AssessedNeed Of(JudgementNeed need) => new(AssessedNeedKind.Judgement, need.ToString());

    /// <summary>Reads a code; false for anything that is not a need the assessment can record (kind and key must agree).</summary>
    public static bool TryParse(string? code, out AssessedNeed need)
    {
        need = default;
        var parts = code?.Trim().Split(Separator);
        if (parts is not { Length: 2 } || !Enum.TryParse<AssessedNeedKind>(parts[0], out var kind) || !Enum.IsDefined(kind) || parts[1].Length == 0 || char.IsDigit(parts[1][0]))
        {
            return false;
        }

        AssessedNeed? read = kind switch
        {
            AssessedNeedKind.Caf when Enum.TryParse<CafArea>(parts[1], out var area) => Of(area),
            AssessedNeedKind.Ace or AssessedNeedKind.Adversity when Enum.TryParse<Adversity>(parts[1], out var adversity) => Of(adversity),
            AssessedNeedKind.Learning when Enum.TryParse<LearningNeed>(parts[1], out var learning) => Of(learning),
            AssessedNeedKind.Judgement when Enum.TryParse<JudgementNeed>(parts[1], out var judgement) => Of(judgement),
            _ => null,
        };
        if (read is not { } found || found.Kind != kind || found.Key != parts[1])
        {
            return false;
        }

        need = found;
        return true;
    }

    public static AssessedNeed Parse(string code) =>
        TryParse(code, out var need) ? need : throw new DomainRuleException("Choose needs from the child's assessment.", "Needs");

    /// <summary>The stored form of the needs a goal, action or intervention answers: their codes, in a stable order, or null for none.</summary>
    public static string? Join(IEnumerable<AssessedNeed> needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var codes = needs.Select(n => n.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? null : string.Join(ListSeparator, codes);
    }

    public static IReadOnlyList<AssessedNeed> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(ListSeparator).Select(Parse).ToList();

    public override string ToString() => Code;
}

/// <summary>A need found in an assessment, and whether it is significant: the needs a manager expects the plan to answer.</summary>
public sealed record AssessedNeedFinding(AssessedNeed Need, bool Significant);

/// <summary>The rules that read an assessment's answers as needs.</summary>
public static class AssessedNeeds
{
    /// <summary>Attendance below this is persistent absence.</summary>
    public const int PersistentAbsencePercent = 90;

    /// <summary>The assessments whose needs count: submitted (waiting for countersignature) or countersigned. A draft is not yet an assessment.</summary>
    public static bool Counts(AssessmentStatus status) => status is AssessmentStatus.Submitted or AssessmentStatus.Countersigned;

    /// <summary>
    /// The needs the assessment recorded, in the assessment's order: CAF areas marked with concern (significant when the
    /// concern is), adversities answered "yes" (all significant), learning needs identified or suspected (significant
    /// when identified, diagnosed, out of education, excluded or persistently absent), and judgements rated medium or
    /// above (significant when high or very high).
    /// </summary>
    public static IReadOnlyList<AssessedNeedFinding> Of(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var found = new List<AssessedNeedFinding>();
        foreach (var area in assessment.Areas.Where(a => a.Marker is ConcernMarker.SomeConcern or ConcernMarker.SignificantConcern).OrderBy(a => a.Area))
        {
            found.Add(new(AssessedNeed.Of(area.Area), area.Marker == ConcernMarker.SignificantConcern));
        }

        foreach (var adversity in assessment.Adversities.Where(a => a.Answer == AdversityAnswer.Yes).OrderBy(a => a.Adversity))
        {
            found.Add(new(AssessedNeed.Of(adversity.Adversity), true));
        }

        void Add(AssessedNeed need, bool present, bool significant)
        {
            if (present)
            {
                found.Add(new(need, significant));
            }
        }

        Add(AssessedNeed.Of(LearningNeed.AdditionalLearningNeeds), assessment.Aln is AlnStatus.NeedsSuspected or AlnStatus.AdditionalLearningNeeds, assessment.Aln == AlnStatus.AdditionalLearningNeeds);
        Add(AssessedNeed.Of(LearningNeed.SpeechLanguage), assessment.SpeechLanguage is SpeechLanguageNeeds.Suspected or SpeechLanguageNeeds.Identified, assessment.SpeechLanguage == SpeechLanguageNeeds.Identified);
        Add(AssessedNeed.Of(LearningNeed.Neurodiversity), assessment.Neurodiversity is Neurodiversity.Suspected or Neurodiversity.Diagnosed, assessment.Neurodiversity == Neurodiversity.Diagnosed);
        Add(AssessedNeed.Of(LearningNeed.SchoolAttachment), assessment.SchoolAttachment is SchoolAttachment.Weak or SchoolAttachment.NotInEducation, assessment.SchoolAttachment == SchoolAttachment.NotInEducation);
        Add(AssessedNeed.Of(LearningNeed.Attendance), assessment.AttendancePercent < PersistentAbsencePercent, true);
        Add(AssessedNeed.Of(LearningNeed.Exclusion), assessment.PermanentlyExcluded || assessment.FixedTermExclusions > 0, assessment.PermanentlyExcluded);

        Add(AssessedNeed.Of(JudgementNeed.Reoffending), assessment.Reoffending is LikelihoodRating.Medium or LikelihoodRating.High, assessment.Reoffending == LikelihoodRating.High);
        Add(AssessedNeed.Of(JudgementNeed.SeriousHarm), assessment.SeriousHarm is >= ConcernRating.Medium, assessment.SeriousHarm is >= ConcernRating.High);
        Add(AssessedNeed.Of(JudgementNeed.Wellbeing), assessment.Wellbeing is >= ConcernRating.Medium, assessment.Wellbeing is >= ConcernRating.High);
        return found;
    }
}
