namespace CaseManagement.Application.Matching;

/// <summary>What a comparison's score means for a referral and a known child.</summary>
public enum MatchDecision
{
    /// <summary>Below the lower threshold, or vetoed: the referral is about a different (possibly new) child.</summary>
    NewChild,

    /// <summary>Between the thresholds: a person decides.</summary>
    Review,

    /// <summary>At or above the upper threshold: link the referral to the known child automatically.</summary>
    Link,
}
