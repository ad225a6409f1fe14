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
