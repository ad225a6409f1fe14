using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries.GetMatchCandidates;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// What an explanation tells a person beyond the engine's comparison (decision 0084): how strongly each field speaks, the
/// score as a probability, and explanations stored before the issuer and the rule's ground were fields of their own.
/// (The engine's own outcome, ground and issuer are in <see cref="MatchingEngineTests"/>.)
/// </summary>
public sealed class MatchExplanationTests
{
    [Theory]
    [InlineData(12.0, EvidenceStrength.StronglyFor)]
    [InlineData(6.7, EvidenceStrength.StronglyFor)] // a hundred times likelier is 6.64
    [InlineData(6.6, EvidenceStrength.For)]
    [InlineData(3.4, EvidenceStrength.For)] // ten times likelier is 3.32
    [InlineData(3.3, EvidenceStrength.WeaklyFor)]
    [InlineData(0.5, EvidenceStrength.WeaklyFor)]
    [InlineData(0.0, EvidenceStrength.NeitherWay)]
    [InlineData(-0.5, EvidenceStrength.WeaklyAgainst)]
    [InlineData(-4.0, EvidenceStrength.Against)]
    [InlineData(-9.0, EvidenceStrength.StronglyAgainst)]
    public void Strength_Weight_ReadAsALikelihoodRatio(double weight, EvidenceStrength strength) =>
        Assert.Equal(strength, new FieldComparison(MatchField.Postcode, "CF37 1AB", "CF37 1AB", AgreementLevel.Exact, weight, null).Strength);

    [Fact]
    public void ProbabilityOf_WithTheOptions_IsTheProbabilityAtTheirPrior()
    {
        var options = MatchingOptions.Default;

        Assert.Equal(MatchProbability.ProbabilityOf(options.UpperThreshold, MatchProbability.PriorFor(options.ReferencePopulation)), MatchProbability.ProbabilityOf(options.UpperThreshold, options));
        Assert.Equal(0.9963, MatchProbability.ProbabilityOf(28, options), 4);
        Assert.Equal(0.5, MatchProbability.ProbabilityOf(28, options with { ReferencePopulation = 1 << 28 }), 2);
    }

    [Fact]
    public void Read_ExplanationStoredBeforeTheIssuerWasAField_ValueAndIssuerApart()
    {
        // Stored before decision 0084: the issuer inside the value, no issuer field, no veto ground.
        var stored = new MatchResult(
            Guid.NewGuid(),
            Guid.NewGuid(),
            22,
            22,
            MatchDecision.Review,
            [new FieldComparison(MatchField.OtherIdentifier, "SC-40213 (LocalAuthority)", "SC 7 (Home Office)", AgreementLevel.Missing, 0, null)],
            [new MatchVeto(VetoRule.TwinSimilarGivenNames, MatchDecision.Link, "set aside")]);
        var json = JsonSerializer.Serialize(stored, ChildMatcher.ExplanationJson)
            .Replace(",\"LeftIssuer\":null,\"RightIssuer\":null", string.Empty, StringComparison.Ordinal)
            .Replace(",\"Ground\":null", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Issuer", json, StringComparison.Ordinal);

        var read = StoredExplanation.Read(json)!;

        var other = Assert.Single(read.Fields);
        Assert.Equal("SC-40213", other.LeftValue);
        Assert.Equal(IdentifierIssuer.LocalAuthority, other.LeftIssuer);
        Assert.Equal("SC 7 (Home Office)", other.RightValue); // not one of the issuers' names: left as written
        Assert.Null(other.RightIssuer);
        var veto = Assert.Single(read.Vetoes);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Null(veto.Ground);
    }

    [Fact]
    public void Read_ExplanationDestroyedUnderRetention_Nothing() =>
        Assert.Null(StoredExplanation.Read(Records.Retention.RetentionSchedule.Destroyed));
}
