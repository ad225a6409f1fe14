namespace CaseManagement.Domain.Assessments;

public enum AssessmentStatus
{
    Draft,
    Submitted,
    Returned,
    Countersigned,
}

/// <summary>Likelihood of (re)offending.</summary>
public enum LikelihoodRating
{
    Low,
    Medium,
    High,
}

/// <summary>Risk of serious harm to others, and concern for the child's own safety and wellbeing.</summary>
public enum ConcernRating
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>The three Common Assessment Framework domains.</summary>
public enum CafDomain
{
    ChildsDevelopment,
    ParentsAndCarers,
    FamilyAndEnvironment,
}

/// <summary>The areas of the Common Assessment Framework, each within its domain (see <see cref="CafAreas.DomainOf"/>).</summary>
public enum CafArea
{
    Health,
    EmotionalAndBehaviouralDevelopment,
    IdentityAndSelfEsteem,
    FamilyAndSocialRelationships,
    SocialPresentation,
    SelfCareSkills,
    Learning,
    BasicCareAndSafety,
    EmotionalWarmthAndStability,
    GuidanceBoundariesAndStimulation,
    FamilyHistoryAndFunctioning,
    WiderFamily,
    Housing,
    EmploymentAndIncome,
    SocialAndCommunityResources,
    Education,
}

public enum ConcernMarker
{
    NoConcern,
    SomeConcern,
    SignificantConcern,
}

/// <summary>The ten adverse childhood experiences, then wider adversity.</summary>
public enum Adversity
{
    VerbalAbuse,
    PhysicalAbuse,
    SexualAbuse,
    EmotionalNeglect,
    PhysicalNeglect,
    ParentalSeparation,
    HouseholdMentalIllness,
    DomesticAbuse,
    HouseholdSubstanceMisuse,
    HouseholdImprisonment,
    Bereavement,
    CriminalExploitation,
    SexualExploitation,
    CommunityViolence,
    Bullying,
    Poverty,
    Discrimination,
    CareExperience,
    YoungCarer,
    ParentalIllness,
}

public enum AdversityAnswer
{
    Yes,
    No,
    NotKnown,
    NotAsked,
}

public enum AlnStatus
{
    NoAdditionalNeeds,
    NeedsSuspected,
    AdditionalLearningNeeds,
}

public enum SpeechLanguageNeeds
{
    None,
    Suspected,
    Identified,
}

public enum Neurodiversity
{
    None,
    Suspected,
    Diagnosed,
}

public enum SchoolAttachment
{
    Strong,
    Some,
    Weak,
    NotInEducation,
}

/// <summary>The parts of the assessment, as the task list shows them.</summary>
public enum AssessmentSection
{
    Judgements,
    ChildsDevelopment,
    ParentsAndCarers,
    FamilyAndEnvironment,
    Adversity,
    LearningNeeds,
    StrengthsAndViews,
    AnalysisAndRecommendations,
}

public static class CafAreas
{
    public static CafDomain DomainOf(CafArea area) => area switch
    {
        <= CafArea.Learning => CafDomain.ChildsDevelopment,
        <= CafArea.GuidanceBoundariesAndStimulation => CafDomain.ParentsAndCarers,
        _ => CafDomain.FamilyAndEnvironment,
    };

    public static IReadOnlyList<CafArea> In(CafDomain domain) => Enum.GetValues<CafArea>().Where(a => DomainOf(a) == domain).ToList();

    public static AssessmentSection SectionOf(CafDomain domain) => domain switch
    {
        CafDomain.ChildsDevelopment => AssessmentSection.ChildsDevelopment,
        CafDomain.ParentsAndCarers => AssessmentSection.ParentsAndCarers,
        _ => AssessmentSection.FamilyAndEnvironment,
    };
}

public static class Adversities
{
    /// <summary>The ten ACEs of the original study; the rest is wider adversity, not counted in the ACE score.</summary>
    public static bool IsAce(Adversity adversity) => adversity <= Adversity.HouseholdImprisonment;

    /// <summary>
    /// Answers only the team may read: abuse, exploitation and domestic abuse. A seconded practitioner sees that the
    /// question was answered, not the answer.
    /// </summary>
    public static bool IsSensitive(Adversity adversity) =>
        adversity is Adversity.SexualAbuse or Adversity.PhysicalAbuse or Adversity.DomesticAbuse or Adversity.SexualExploitation or Adversity.CriminalExploitation;
}
