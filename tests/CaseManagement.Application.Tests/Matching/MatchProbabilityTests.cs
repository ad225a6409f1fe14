using CaseManagement.Application.Matching;
using CaseManagement.Application.Matching.Parameters;

namespace CaseManagement.Application.Tests.Matching;

public sealed class MatchProbabilityTests
{
    private static readonly double OneInAMillion = MatchProbability.PriorFor(1_000_000);

    [Fact]
    public void ProbabilityOf_ConfiguredThresholds_AreTheOddsTheReadmeStates()
    {
        // 28 at a million records (log2 of a million is 19.93) is about 268 to 1 for a match, 99.63%; 12 is 1 to 244, 0.41%.
        Assert.Equal(0.9963, MatchProbability.ProbabilityOf(28, OneInAMillion), 4);
        Assert.Equal(0.0041, MatchProbability.ProbabilityOf(12, OneInAMillion), 4);
    }

    [Theory]
    [InlineData(0.999, 29.9)]
    [InlineData(0.5, 19.93)]
    [InlineData(0.9963, 28.0)]
    public void WeightFor_Probability_IsTheScoreThatGivesIt(double probability, double weight) =>
        Assert.Equal(weight, MatchProbability.WeightFor(probability, OneInAMillion), 1);

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void WeightFor_ThenProbabilityOf_GivesTheProbabilityBack(double probability)
    {
        var prior = MatchProbability.PriorFor(20_000);
        Assert.Equal(probability, MatchProbability.ProbabilityOf(MatchProbability.WeightFor(probability, prior), prior), 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    public void WeightFor_NotAProbability_IsRefused(double probability) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchProbability.WeightFor(probability, OneInAMillion));

    [Fact]
    public void ToOptions_ThresholdsAsProbabilities_BecomeWeightsWithThePrior()
    {
        var options = new MatchingSettings { LinkProbability = 0.999, ReviewProbability = 0.5, ReferencePopulation = 1_000_000 }.ToOptions();

        Assert.Equal(29.9, options.UpperThreshold, 1);
        Assert.Equal(19.93, options.LowerThreshold, 2);
    }

    [Fact]
    public void ToOptions_NoProbabilities_KeepsTheWeightThresholds()
    {
        var options = new MatchingSettings { UpperThreshold = 27, LowerThreshold = 11 }.ToOptions();

        Assert.Equal(27, options.UpperThreshold);
        Assert.Equal(11, options.LowerThreshold);
    }

    [Fact]
    public void ToOptions_ReviewAboveLink_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new MatchingSettings { LinkProbability = 0.5, ReviewProbability = 0.9 }.ToOptions());

    [Fact]
    public void ParameterTable_StoredAndRead_GivesTheSameWeights()
    {
        var learned = MatchingOptions.Default.WithProbabilities(MatchField.DateOfBirth, AgreementLevel.Exact, 0.8, 0.00029);

        var read = MatchParameterTable.Apply(MatchingOptions.Default, MatchParameterTable.ToJson(learned));

        Assert.Equal(learned.Probabilities[MatchField.DateOfBirth][AgreementLevel.Exact], read.Probabilities[MatchField.DateOfBirth][AgreementLevel.Exact]);
        Assert.Equal(MatchingOptions.Default.Probabilities[MatchField.Postcode][AgreementLevel.Exact], read.Probabilities[MatchField.Postcode][AgreementLevel.Exact]);
        Assert.Equal(MatchingOptions.Default.UpperThreshold, read.UpperThreshold);
    }
}
