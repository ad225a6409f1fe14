using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries.GetMatchCandidates;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// What an explanation tells a person (decision 0084): whether each rule that fired held or was set aside and why, the
/// other identifier's issuer as a field of its own, how strongly each field speaks, and the score as a probability.
/// </summary>
public sealed class MatchExplanationTests
{
    private static readonly MatchingEngine Engine = new();

    private static readonly PersonRecord Dafydd = new(
        Guid.NewGuid(),
        "Dafydd",
        "Pritchard",
        DateOfBirth: new DateOnly(2012, 4, 3),
        Sex: Sex.Male,
        Postcode: "CF37 1AB");

    private static PersonRecord Copy(PersonRecord record) => record with { Id = Guid.NewGuid() };

    private static FieldComparison Field(MatchResult result, MatchField field) => result.Fields.Single(f => f.Field == field);

    [Fact]
    public void Compare_TwinsNothingOfHomeAgreeing_RuleStopsThePairWithNoGround()
    {
        var brother = Copy(Dafydd) with { GivenName = "Gethin", Postcode = "LL57 2DG" };

        var veto = Assert.Single(Engine.Compare(brother, Dafydd).Vetoes);

        Assert.Equal(VetoOutcome.Stops, veto.Outcome);
        Assert.Null(veto.Ground);
    }

    [Fact]
    public void Compare_TwinShapeSharingAHome_PersonChecksBecauseTheHomeAgrees()
    {
        var brother = Copy(Dafydd) with { GivenName = "Gethin" };

        var veto = Assert.Single(Engine.Compare(brother, Dafydd).Vetoes);

        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.SharedHome, veto.Ground);
    }

    [Fact]
    public void Compare_TwinShapeSameNhsNumberMovedAway_SetAsideBecauseTheIdentifierAgrees()
    {
        var known = Dafydd with { NhsNumber = "943 476 5919" };
        var referral = Copy(known) with { GivenName = "Gethin", Postcode = "LL57 2DG" };

        var veto = Assert.Single(Engine.Compare(referral, known).Vetoes);

        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierAgrees, veto.Ground);
    }

    [Fact]
    public void Compare_SiblingShapeSameNhsNumberDifferentBirth_PersonChecksBecauseTheIdentifierAgrees()
    {
        var known = Dafydd with { NhsNumber = "943 476 5919" };
        var referral = Copy(known) with { GivenName = "Gethin", DateOfBirth = new DateOnly(2015, 9, 21) };

        var veto = Assert.Single(Engine.Compare(referral, known).Vetoes);

        Assert.Equal(VetoRule.Sibling, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierAgrees, veto.Ground);
    }

    [Fact]
    public void Compare_GivenNameATypingSlip_CautionSetAsideBecauseOfTheSlip()
    {
        // Tuby for Ruby, where the register knows Ruby and not Tuby (decision 0057): the page used to say "a person
        // should check" here, though the engine had set the caution aside.
        var known = Dafydd with { GivenName = "Ruby", Sex = Sex.Female };
        var referral = Copy(known) with { GivenName = "Tuby" };
        var engine = new MatchingEngine(frequencies: new InMemoryNameFrequencies(new Dictionary<string, double>(), new Dictionary<string, double> { ["Ruby"] = 0.01 }));

        var result = engine.Compare(referral, known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.TwinSimilarGivenNames, veto.Rule);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.GivenNameSlip, veto.Ground);
    }

    [Fact]
    public void Compare_GivenNameSlipWithoutNameFrequencies_CautionHoldsWithNoGround()
    {
        var known = Dafydd with { GivenName = "Ruby", Sex = Sex.Female };
        var referral = Copy(known) with { GivenName = "Tuby" };

        var veto = Assert.Single(Engine.Compare(referral, known).Vetoes);

        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Null(veto.Ground);
    }

    [Fact]
    public void Compare_OtherIdentifier_ValueAndIssuerInFieldsOfTheirOwn()
    {
        var known = Dafydd with { OtherIdentifier = "SC-40213", OtherIdentifierIssuer = nameof(IdentifierIssuer.LocalAuthority) };
        var referral = Copy(known) with { OtherIdentifier = "SC40213", OtherIdentifierIssuer = nameof(IdentifierIssuer.LocalAuthority) };

        var other = Field(Engine.Compare(referral, known), MatchField.OtherIdentifier);

        Assert.Equal("SC40213", other.LeftValue);
        Assert.Equal("SC-40213", other.RightValue);
        Assert.Equal(IdentifierIssuer.LocalAuthority, other.LeftIssuer);
        Assert.Equal(IdentifierIssuer.LocalAuthority, other.RightIssuer);
    }

    [Fact]
    public void Compare_OtherIdentifierFromAnIssuerNotInTheList_ValueAloneNoIssuer()
    {
        var known = Dafydd with { OtherIdentifier = "F-1001", OtherIdentifierIssuer = "Rhondda Cynon Taf" };

        var other = Field(Engine.Compare(Copy(known), known), MatchField.OtherIdentifier);

        Assert.Equal("F-1001", other.RightValue);
        Assert.Null(other.RightIssuer);
        Assert.Null(Field(Engine.Compare(Copy(known), known), MatchField.NhsNumber).RightIssuer);
    }

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
    public void Compare_FieldsThatAgreeSpeakFor_MissingNeitherWay()
    {
        var result = Engine.Compare(Copy(Dafydd) with { Sex = Sex.NotKnown }, Dafydd);

        Assert.Equal(EvidenceStrength.StronglyFor, Field(result, MatchField.DateOfBirth).Strength);
        Assert.Equal(EvidenceStrength.NeitherWay, Field(result, MatchField.Sex).Strength);
    }

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
