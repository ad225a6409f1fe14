using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Tools.Tests.Evaluation;

public sealed class PairwiseEvaluationTests
{
    [Fact]
    public void Evaluate_HandWorkedExample_CountsPairsFromTheTable()
    {
        // Person a has rows 0, 1, 2 (3 pairs) and b rows 3, 4 (1 pair). Clusters {0,1} and {2,3,4} predict 1 + 3 pairs,
        // of which (0,1) and (3,4) are right.
        string[] labels = ["a", "a", "a", "b", "b"];
        int[] clusters = [1, 1, 2, 2, 2];

        var metrics = PairwiseEvaluation.Evaluate(labels, clusters);

        Assert.Equal(new PairwiseMetrics(4, 4, 2), metrics);
        Assert.Equal(0.5, metrics.Precision, 9);
        Assert.Equal(0.5, metrics.Recall, 9);
        Assert.Equal(0.5, metrics.F1, 9);
    }

    [Fact]
    public void Evaluate_PerfectAndSingletons_EdgeCases()
    {
        Assert.Equal(1.0, PairwiseEvaluation.Evaluate(["a", "a", "b"], ["x", "x", "y"]).F1, 9);

        var allApart = PairwiseEvaluation.Evaluate(["a", "a"], [1, 2]);
        Assert.Equal(1.0, allApart.Precision, 9);
        Assert.Equal(0.0, allApart.Recall, 9);
        Assert.Equal(0.0, allApart.F1, 9);

        var allTogether = PairwiseEvaluation.Evaluate(["a", "b", "c"], [1, 1, 1]);
        Assert.Equal(0.0, allTogether.Precision, 9);
        Assert.Equal(1.0, allTogether.Recall, 9);
    }

    [Fact]
    public void Evaluate_LengthsDiffer_Refused()
    {
        Assert.Throws<ArgumentException>(() => PairwiseEvaluation.Evaluate(["a"], [1, 2]));
    }

    [Fact]
    public void Evaluate_Clustering_AutomaticLinksAndErrorsByHousehold()
    {
        var result = new ClusteringResult(
            [1, 1, 1, 2],
            [3, 1],
            [
                new ScoredPair(0, 1, 35, MatchDecision.Link),   // right
                new ScoredPair(1, 2, 30, MatchDecision.Link),   // wrong, same household (a twin)
                new ScoredPair(0, 3, 20, MatchDecision.Review), // wrong, for review
                new ScoredPair(2, 3, 20, MatchDecision.Review), // right, for review
            ],
            10,
            28,
            12);
        string[] people = ["p1", "p1", "p2", "p2"];
        string[] families = ["f1", "f1", "f1", "f2"];

        var quality = PairwiseEvaluation.Evaluate(people, families, result);

        Assert.Equal(new PairwiseMetrics(2, 2, 1), quality.AutomaticLinks);
        Assert.Equal(1, quality.FalseLinksWithinFamily);
        Assert.Equal(0, quality.FalseLinksAcrossFamilies);
        Assert.Equal(1, quality.TruePairsInReview);
        Assert.Equal(1, quality.FalsePairsInReview);
        Assert.Equal(new PairwiseMetrics(2, 3, 1), quality.Clustering);

        var withoutHouseholds = PairwiseEvaluation.Evaluate(people, result);
        Assert.Equal(1, withoutHouseholds.FalseLinksAcrossFamilies);
    }

    [Fact]
    public void MissedEntirely_PairsNeitherClusteredNorReviewed_CountedByCluster()
    {
        // Person a: rows 0, 1, 2, 3. Rows 0 and 1 share cluster 1; row 2 (cluster 2) is offered for review against row 1,
        // so (0,2) and (1,2) are seen by a person; row 3 (cluster 3) is offered against nothing: (0,3), (1,3), (2,3) missed.
        // Person b: rows 4 and 5 apart, no review: one more missed.
        var result = new ClusteringResult(
            [1, 1, 2, 3, 4, 5],
            [2, 1, 1, 1, 1],
            [new ScoredPair(0, 1, 30, MatchDecision.Link), new ScoredPair(1, 2, 15, MatchDecision.Review)],
            0,
            28,
            12);

        Assert.Equal(4, PairwiseEvaluation.MissedEntirely(["a", "a", "a", "a", "b", "b"], result));
    }
}
