using CaseManagement.Application.Matching;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.IntegrationTests.Matching;

/// <summary>
/// The thresholds read from configuration as the app reads them (decision 0066): probabilities in the environment over
/// the weights appsettings.json states.
/// </summary>
public sealed class MatchingSettingsTests
{
    private static MatchingOptions Read(params (string Key, string Value)[] environment) =>
        MatchingSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Matching:UpperThreshold"] = "28", ["Matching:LowerThreshold"] = "12" })
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build()).ToOptions();

    [Fact]
    public void From_ProbabilitiesBesideTheStatedWeights_ThresholdsAreTheProbabilities()
    {
        var options = Read(("Matching:LinkProbability", "0.999"), ("Matching:ReviewProbability", "0.5"));

        Assert.Equal(29.9, options.UpperThreshold, 1);
        Assert.Equal(19.93, options.LowerThreshold, 2);
    }

    [Fact]
    public void From_NoProbabilities_TheWeightsStand()
    {
        var options = Read();

        Assert.Equal(28, options.UpperThreshold);
        Assert.Equal(12, options.LowerThreshold);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("99.9")]
    public void From_LinkProbabilityNotAProbability_StopsStartUp(string value) =>
        Assert.Contains("must be a probability above 0 and below 1", Assert.Throws<InvalidOperationException>(() => Read(("Matching:LinkProbability", value))).Message, StringComparison.Ordinal);

    [Fact]
    public void From_ReviewAboveLink_StopsStartUp() =>
        Assert.Contains("The review threshold must not be above the link threshold", Assert.Throws<InvalidOperationException>(() => Read(("Matching:LinkProbability", "0.6"), ("Matching:ReviewProbability", "0.9"))).Message, StringComparison.Ordinal);
}
