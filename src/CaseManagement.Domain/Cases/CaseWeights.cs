using CaseManagement.Domain.Assessments;

namespace CaseManagement.Domain.Cases;

/// <summary>How much work a case is, for a caseload: one, plus one for each thing that asks more of the case manager.</summary>
public static class CaseWeights
{
    public static int Of(bool enhanced, LikelihoodRating? reoffending, ConcernRating? seriousHarm, ConcernRating? wellbeing) =>
        1
        + (enhanced ? 1 : 0)
        + (reoffending == LikelihoodRating.High ? 1 : 0)
        + (seriousHarm >= ConcernRating.High ? 1 : 0) + (seriousHarm == ConcernRating.VeryHigh ? 1 : 0)
        + (wellbeing >= ConcernRating.High ? 1 : 0) + (wellbeing == ConcernRating.VeryHigh ? 1 : 0);
}
