using CaseManagement.Domain.Assessments;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>The sections' addresses (kebab-case, as the routes are) and the CAF domain a section holds.</summary>
public static class AssessmentSections
{
    public static string Slug(AssessmentSection section) => section switch
    {
        AssessmentSection.Judgements => "judgements",
        AssessmentSection.ChildsDevelopment => "childs-development",
        AssessmentSection.ParentsAndCarers => "parents-and-carers",
        AssessmentSection.FamilyAndEnvironment => "family-and-environment",
        AssessmentSection.Adversity => "adversity",
        AssessmentSection.LearningNeeds => "learning-needs",
        AssessmentSection.StrengthsAndViews => "strengths-and-views",
        _ => "analysis",
    };

    public static AssessmentSection? FromSlug(string? slug) =>
        Enum.GetValues<AssessmentSection>().Cast<AssessmentSection?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    public static CafDomain? DomainOf(AssessmentSection section) => section switch
    {
        AssessmentSection.ChildsDevelopment => CafDomain.ChildsDevelopment,
        AssessmentSection.ParentsAndCarers => CafDomain.ParentsAndCarers,
        AssessmentSection.FamilyAndEnvironment => CafDomain.FamilyAndEnvironment,
        _ => null,
    };
}

/// <summary>
/// The adversity section's parts, one page each, so that twenty questions are not one very long page: the abuse and
/// neglect of the first ACEs, the household ACEs, harm and loss, and the wider adversity.
/// </summary>
public static class AdversityParts
{
    private static readonly Adversity[][] Parts =
    [
        [Adversity.VerbalAbuse, Adversity.PhysicalAbuse, Adversity.SexualAbuse, Adversity.EmotionalNeglect, Adversity.PhysicalNeglect],
        [Adversity.ParentalSeparation, Adversity.HouseholdMentalIllness, Adversity.DomesticAbuse, Adversity.HouseholdSubstanceMisuse, Adversity.HouseholdImprisonment],
        [Adversity.Bereavement, Adversity.CriminalExploitation, Adversity.SexualExploitation, Adversity.CommunityViolence, Adversity.Bullying],
        [Adversity.Poverty, Adversity.Discrimination, Adversity.CareExperience, Adversity.YoungCarer, Adversity.ParentalIllness],
    ];

    public static int Count => Parts.Length;

    /// <summary>The questions of a part (1 to <see cref="Count"/>).</summary>
    public static IReadOnlyList<Adversity> Of(int part) => Parts[Math.Clamp(part, 1, Count) - 1];

    /// <summary>The timeline's events that answer, or bear on, a question: offered beside it as what is already known.</summary>
    public static IReadOnlyDictionary<Domain.Timeline.TimelineCategory, Adversity> FromTimeline { get; } = new Dictionary<Domain.Timeline.TimelineCategory, Adversity>
    {
        [Domain.Timeline.TimelineCategory.Bereavement] = Adversity.Bereavement,
        [Domain.Timeline.TimelineCategory.CareStatus] = Adversity.CareExperience,
        [Domain.Timeline.TimelineCategory.PlacementChange] = Adversity.CareExperience,
    };
}
