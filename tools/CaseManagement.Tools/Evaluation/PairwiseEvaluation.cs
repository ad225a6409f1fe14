using CaseManagement.Application.Matching;

namespace CaseManagement.Tools.Evaluation;

/// <summary>Pairwise counts and the precision, recall and F1 they give.</summary>
/// <param name="TruePairs">Pairs of rows about the same person (the labels).</param>
/// <param name="PredictedPairs">Pairs of rows the clustering put together (or the links made).</param>
/// <param name="CorrectPairs">Pairs that are both.</param>
public sealed record PairwiseMetrics(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    /// <summary>Of the pairs put together, the share that are the same person (1 when none were).</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Of the pairs that are the same person, the share put together (1 when there are none).</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How well a clustering matches the labels, and how it went wrong.</summary>
/// <param name="Clustering">Pairwise precision, recall and F1 of the clusters: a true pair shares a person id, a predicted pair a cluster.</param>
/// <param name="AutomaticLinks">Precision of the pairs scored at or above the upper threshold (the links themselves, before transitivity).</param>
/// <param name="FalseLinksWithinFamily">Automatic links between different children of one household (twins, brothers and sisters).</param>
/// <param name="FalseLinksAcrossFamilies">Automatic links between unrelated children (namesakes and chance likenesses).</param>
/// <param name="TruePairsInReview">Pairs of the same child scored in the review band: a person would be asked about them.</param>
/// <param name="FalsePairsInReview">Pairs of different children scored in the review band.</param>
public sealed record MatchingQuality(
    PairwiseMetrics Clustering,
    PairwiseMetrics AutomaticLinks,
    long FalseLinksWithinFamily,
    long FalseLinksAcrossFamilies,
    long TruePairsInReview,
    long FalsePairsInReview);

/// <summary>Pairwise evaluation of a clustering against labelled rows (the labels of <see cref="SyntheticReferrals"/>).</summary>
public static class PairwiseEvaluation
{
    /// <summary>Pairwise counts of a clustering: computed from the table of (label, cluster) counts, never by listing pairs.</summary>
    /// <param name="labels">Each row's true person.</param>
    /// <param name="clusters">Each row's cluster.</param>
    public static PairwiseMetrics Evaluate<TLabel, TCluster>(IReadOnlyList<TLabel> labels, IReadOnlyList<TCluster> clusters)
        where TLabel : notnull
        where TCluster : notnull
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(clusters);
        if (labels.Count != clusters.Count)
        {
            throw new ArgumentException("There must be one label and one cluster for every row.", nameof(clusters));
        }

        var byLabel = new Dictionary<TLabel, long>();
        var byCluster = new Dictionary<TCluster, long>();
        var byBoth = new Dictionary<(TLabel, TCluster), long>();
        for (var i = 0; i < labels.Count; i++)
        {
            byLabel[labels[i]] = byLabel.GetValueOrDefault(labels[i]) + 1;
            byCluster[clusters[i]] = byCluster.GetValueOrDefault(clusters[i]) + 1;
            byBoth[(labels[i], clusters[i])] = byBoth.GetValueOrDefault((labels[i], clusters[i])) + 1;
        }

        return new PairwiseMetrics(
            byLabel.Values.Sum(PairsAmong),
            byCluster.Values.Sum(PairsAmong),
            byBoth.Values.Sum(PairsAmong));
    }

    /// <summary>The clustering's quality, its automatic links' precision, and where the errors fall.</summary>
    public static MatchingQuality Evaluate(IReadOnlyList<LabelledRecord> rows, ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Evaluate(rows.Select(r => r.PersonId).ToList(), rows.Select(r => r.FamilyId).ToList(), result);
    }

    /// <summary>The same, from each row's true person alone (every wrong link then counts as across families).</summary>
    public static MatchingQuality Evaluate(IReadOnlyList<string> personIds, ClusteringResult result) =>
        Evaluate(personIds, null, result);

    /// <summary>The same, from each row's true person and household (null when households are not known).</summary>
    public static MatchingQuality Evaluate(IReadOnlyList<string> personIds, IReadOnlyList<string>? familyIds, ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(result);
        var clustering = Evaluate(personIds, result.ClusterOf);

        long links = 0, correctLinks = 0, withinFamily = 0, acrossFamilies = 0, trueReview = 0, falseReview = 0;
        foreach (var pair in result.Pairs)
        {
            var same = string.Equals(personIds[pair.First], personIds[pair.Second], StringComparison.Ordinal);
            if (pair.Decision == MatchDecision.Link)
            {
                links++;
                if (same)
                {
                    correctLinks++;
                }
                else if (familyIds is not null && string.Equals(familyIds[pair.First], familyIds[pair.Second], StringComparison.Ordinal))
                {
                    withinFamily++;
                }
                else
                {
                    acrossFamilies++;
                }
            }
            else if (same)
            {
                trueReview++;
            }
            else
            {
                falseReview++;
            }
        }

        var automatic = new PairwiseMetrics(clustering.TruePairs, links, correctLinks);
        return new MatchingQuality(clustering, automatic, withinFamily, acrossFamilies, trueReview, falseReview);
    }

    /// <summary>
    /// True pairs a person would never see: the two rows are neither in one cluster nor in clusters that a pair in the
    /// review band joins (a reviewer is shown the candidate's cluster, so a review pair with any of its rows counts).
    /// </summary>
    public static long MissedEntirely(IReadOnlyList<string> personIds, ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(result);
        var reviewed = new HashSet<(int, int)>();
        foreach (var pair in result.Pairs)
        {
            var (a, b) = (result.ClusterOf[pair.First], result.ClusterOf[pair.Second]);
            reviewed.Add((Math.Min(a, b), Math.Max(a, b)));
        }

        long missed = 0;
        foreach (var rows in Enumerable.Range(0, personIds.Count).GroupBy(i => personIds[i], StringComparer.Ordinal))
        {
            var list = rows.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (result.ClusterOf[list[i]], result.ClusterOf[list[j]]);
                    if (a != b && !reviewed.Contains((Math.Min(a, b), Math.Max(a, b))))
                    {
                        missed++;
                    }
                }
            }
        }

        return missed;
    }

    private static long PairsAmong(long count) => count * (count - 1) / 2;
}
