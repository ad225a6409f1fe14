using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class MatchingOptionsTests
{
    private static double W(MatchField field, AgreementLevel level) => MatchingOptions.DefaultProbabilities[field][level].Weight;

    [Fact]
    public void Default_EveryFieldLevel_HasProbabilitiesSummingToOne()
    {
        foreach (var (field, levels) in MatchingOptions.LevelsFor)
        {
            var table = MatchingOptions.DefaultProbabilities[field];
            Assert.Equal(levels.Order(), table.Keys.Order());
            Assert.Equal(1.0, table.Values.Sum(p => p.M), 6);
            Assert.Equal(1.0, table.Values.Sum(p => p.U), 6);
        }
    }

    [Fact]
    public void Default_Thresholds_SeparateFullAgreementFromTwins()
    {
        var options = MatchingOptions.Default;
        var fullAgreement = W(MatchField.GivenName, AgreementLevel.Exact) + W(MatchField.FamilyName, AgreementLevel.Exact)
            + W(MatchField.DateOfBirth, AgreementLevel.Exact) + W(MatchField.Postcode, AgreementLevel.Exact);
        var twinsWithoutVeto = W(MatchField.GivenName, AgreementLevel.Disagree) + W(MatchField.FamilyName, AgreementLevel.Exact)
            + W(MatchField.DateOfBirth, AgreementLevel.Exact) + W(MatchField.Postcode, AgreementLevel.Exact)
            + W(MatchField.Sex, AgreementLevel.Disagree);

        Assert.True(fullAgreement > options.UpperThreshold);
        Assert.True(twinsWithoutVeto < options.UpperThreshold);
        Assert.True(options.LowerThreshold < options.UpperThreshold);
    }

    [Fact]
    public void WithProbabilities_OneLevel_ChangesOnlyThatWeight()
    {
        var options = MatchingOptions.Default.WithProbabilities(MatchField.Sex, AgreementLevel.Exact, 0.5, 0.5);

        Assert.Equal(0, options.Probabilities[MatchField.Sex][AgreementLevel.Exact].Weight, 9);
        Assert.Equal(W(MatchField.Sex, AgreementLevel.Disagree), options.Probabilities[MatchField.Sex][AgreementLevel.Disagree].Weight, 9);
        Assert.NotEqual(0, W(MatchField.Sex, AgreementLevel.Exact));
    }

    [Fact]
    public void Engine_OptionsMissingALevel_Throws()
    {
        var table = MatchingOptions.DefaultProbabilities.ToDictionary(f => f.Key, f => f.Value);
        table[MatchField.Postcode] = table[MatchField.Postcode].Where(l => l.Key != AgreementLevel.Sector).ToDictionary(l => l.Key, l => l.Value);

        var error = Assert.Throws<ArgumentException>(() => new MatchingEngine(new MatchingOptions { Probabilities = table }));

        Assert.Contains("Postcode Sector", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.0)]
    [InlineData(1.5, 0.5)]
    public void Engine_ProbabilityOutOfRange_Throws(double m, double u)
    {
        var options = MatchingOptions.Default.WithProbabilities(MatchField.Sex, AgreementLevel.Exact, m, u);

        Assert.Throws<ArgumentException>(() => new MatchingEngine(options));
    }

    [Fact]
    public void ScaledFor_TwentyThousandRows_BothThresholdsLoweredByLog2OfFifty()
    {
        var scaled = MatchingOptions.Default.ScaledFor(20_000);

        Assert.Equal(28 - Math.Log2(50), scaled.UpperThreshold, 9);
        Assert.Equal(12 - Math.Log2(50), scaled.LowerThreshold, 9);
        Assert.Equal(MatchingOptions.Default.Probabilities, scaled.Probabilities);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(5_000_000)]
    public void ScaledFor_ReferencePopulationOrMore_Unchanged(int rows)
    {
        Assert.Same(MatchingOptions.Default, MatchingOptions.Default.ScaledFor(rows));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(MatchingOptions.SmallestScaledPopulation)]
    public void ScaledFor_SmallBatch_ScaledAsTheSmallestPopulation(int rows)
    {
        var scaled = MatchingOptions.Default.ScaledFor(rows);

        Assert.Equal(28 - Math.Log2(100), scaled.UpperThreshold, 9);
    }

    [Fact]
    public void ScaledFor_ReferenceFromOptions_Used()
    {
        var options = MatchingOptions.Default with { ReferencePopulation = 40_000 };

        Assert.Equal(27, options.ScaledFor(20_000).UpperThreshold, 9);
    }

    [Fact]
    public void Engine_ReferencePopulationNotPositive_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MatchingEngine(MatchingOptions.Default with { ReferencePopulation = 0 }));
    }

    [Fact]
    public void Engine_ThresholdsReversed_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MatchingEngine(new MatchingOptions { LowerThreshold = 30, UpperThreshold = 20 }));
    }

    [Fact]
    public void Engine_LowerUpperThreshold_ChangesDecision()
    {
        var strict = new MatchingEngine(new MatchingOptions { UpperThreshold = 100 });

        Assert.Equal(MatchDecision.Review, strict.Decide(40));
        Assert.Equal(MatchDecision.Link, new MatchingEngine().Decide(40));
        Assert.Equal(MatchDecision.NewChild, new MatchingEngine().Decide(5));
    }
}
