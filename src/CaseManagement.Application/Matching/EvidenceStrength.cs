namespace CaseManagement.Application.Matching;

/// <summary>
/// How strongly one field's comparison speaks for or against a pair being one child, in words a person can weigh
/// (decision 0084). A field's weight is the log2 of its likelihood ratio; the bands are the usual ones for a Bayes
/// factor: under ten times likelier is weak, ten to a hundred times is evidence, over a hundred times is strong.
/// </summary>
public enum EvidenceStrength
{
    /// <summary>At least a hundred times likelier if the records are one child.</summary>
    StronglyFor,

    /// <summary>Ten to a hundred times likelier if they are one child.</summary>
    For,

    /// <summary>Likelier if they are one child, but under ten times.</summary>
    WeaklyFor,

    /// <summary>Nothing either way: the field is missing on a record, or not compared.</summary>
    NeitherWay,

    /// <summary>Likelier if they are two children, but under ten times.</summary>
    WeaklyAgainst,

    /// <summary>Ten to a hundred times likelier if they are two children.</summary>
    Against,

    /// <summary>At least a hundred times likelier if they are two children.</summary>
    StronglyAgainst,
}

/// <summary>Reads a field's weight as an <see cref="EvidenceStrength"/>.</summary>
public static class EvidenceStrengths
{
    /// <summary>log2(10): ten times likelier.</summary>
    private static readonly double TenTimes = Math.Log2(10);

    /// <summary>log2(100): a hundred times likelier.</summary>
    private static readonly double HundredTimes = Math.Log2(100);

    /// <summary>Below this (about 1.04 times either way) a weight says nothing a person could act on.</summary>
    private const double Negligible = 0.05;

    /// <summary>The strength a weight (log2 of a likelihood ratio) stands for.</summary>
    public static EvidenceStrength Of(double weight) => weight switch
    {
        _ when double.IsNaN(weight) || Math.Abs(weight) < Negligible => EvidenceStrength.NeitherWay,
        >= 0 when weight >= HundredTimes => EvidenceStrength.StronglyFor,
        >= 0 when weight >= TenTimes => EvidenceStrength.For,
        >= 0 => EvidenceStrength.WeaklyFor,
        _ when -weight >= HundredTimes => EvidenceStrength.StronglyAgainst,
        _ when -weight >= TenTimes => EvidenceStrength.Against,
        _ => EvidenceStrength.WeaklyAgainst,
    };
}
