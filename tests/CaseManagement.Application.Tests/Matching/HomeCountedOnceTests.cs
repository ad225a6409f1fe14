using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Decision 0090: brothers and sisters share a home (address, postcode, town, carers, school, a parent's phone and
/// e-mail), so the home alone never links two records; the child's own given name or date of birth must say one child.
/// </summary>
public sealed class HomeCountedOnceTests
{
    private static readonly MatchingEngine Engine = new();

    /// <summary>A child with everything of home a referral can carry.</summary>
    private static readonly PersonRecord Cerys = new(
        Guid.NewGuid(),
        "Cerys",
        "Pritchard",
        DateOfBirth: new DateOnly(2013, 6, 14),
        Sex: Sex.Female,
        Postcode: "CF37 1AB",
        Email: "pritchard.family@example.com",
        Phone: "07700 900123",
        Town: "Pontypridd",
        HouseNumber: "12",
        Street: "Heol y Bont",
        School: "Ysgol Gynradd Trehopcyn",
        Carers: ["Sian Pritchard", "Gareth Pritchard"]);

    private static PersonRecord AtTheSameHome(string givenName, DateOnly? dateOfBirth) =>
        Cerys with { Id = Guid.NewGuid(), GivenName = givenName, DateOfBirth = dateOfBirth };

    [Fact]
    public void Compare_TwoChildrenOfOneHome_DifferentGivenNamesOneDateOfBirthMissing_NotLinked()
    {
        // Her sister's referral without a date of birth: before decision 0090 the home's six fields outweighed the given
        // name (+60 against -5.6) and the two girls were linked automatically.
        var sister = AtTheSameHome("Megan", dateOfBirth: null);

        var result = Engine.Compare(sister, Cerys);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.True(result.RawScore >= Engine.Options.UpperThreshold, "the home alone would have linked this pair");
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Contains("brothers and sisters share", veto.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameUkPostcodeAndTheSameHouseAndStreet_TheHomeCountedOnce()
    {
        // Decision 0109: the postcode says nothing the house and street have not said; counted beside them it gave
        // brothers and sisters their home twice (GeCo households).
        var again = Cerys with { Id = Guid.NewGuid(), FamilyName = "Pritchart" };
        var without = Engine.Compare(again with { Postcode = null }, Cerys with { Postcode = null });

        var result = Engine.Compare(again, Cerys);

        var postcode = result.Fields.Single(f => f.Field == MatchField.Postcode);
        Assert.Equal(AgreementLevel.Missing, postcode.Level);
        Assert.Equal(0, postcode.Weight);
        Assert.Equal(without.Score, result.Score, 9);
        Assert.Equal("the postcodes are both 'CF37 1AB', but the house and street already say this home, so it is not counted twice", postcode.Note);
    }

    [Fact]
    public void Compare_BrotherAtTheSameUkHome_ReasonStillSaysTheAddress()
    {
        // The review of decision 0109: with the postcode not counted beside the house and street, the sibling rule's
        // reason had fallen back to "different given name" for the brother whose address is most surely the same.
        var brother = Cerys with { Id = Guid.NewGuid(), GivenName = "Gethin", DateOfBirth = new DateOnly(2015, 2, 3), Sex = Sex.Male };

        var result = Engine.Compare(brother, Cerys);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(AgreementLevel.Missing, result.Fields.Single(f => f.Field == MatchField.Postcode).Level);
        Assert.Equal(MatchTexts.SiblingAtOneAddress, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Reason);
    }

    [Theory]
    [InlineData("14", "Heol y Bont")]
    [InlineData("12", "Heol y Bnot")]
    public void Compare_SameUkPostcodeWithAnotherHouseOrAStreetSpeltDifferently_PostcodeCounted(string house, string street)
    {
        var result = Engine.Compare(Cerys with { Id = Guid.NewGuid(), HouseNumber = house, Street = street }, Cerys);

        var postcode = result.Fields.Single(f => f.Field == MatchField.Postcode);
        Assert.Equal(AgreementLevel.Exact, postcode.Level);
        Assert.True(postcode.Weight > 0);
    }

    [Fact]
    public void Compare_HalfBrotherAtTheSameHome_AnotherFamilyNameAndDateOfBirth_NotLinked()
    {
        // The sibling rule needs the family name to agree; a half brother's does not, and the home agreed for him.
        var brother = AtTheSameHome("Osian", new DateOnly(2016, 2, 1)) with { FamilyName = "Bevan", Sex = Sex.Male };

        var result = Engine.Compare(brother, Cerys);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Fact]
    public void Compare_NoGivenNameAndNoDateOfBirth_OnlyTheFamilyNameAndHome_APersonChecks()
    {
        // A record with the family name and the home but neither the given name nor the date of birth fits every child
        // of that home.
        var unnamed = AtTheSameHome(string.Empty, dateOfBirth: null);

        var result = Engine.Compare(unnamed, Cerys);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Fact]
    public void Compare_SameChildWithATypedSlipAtTheSameHome_DateOfBirthMissing_StillLinks()
    {
        var typed = AtTheSameHome("Cerus", dateOfBirth: null);

        var result = Engine.Compare(typed, Cerys);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_SameChildWithTwoSlipsFromANameNobodyHas_DateOfBirthMissing_LinksWithTheCautionSetAside()
    {
        // Pethanu for Bethany is no sister's name (decision 0076): the caution is listed as set aside, for that reason.
        var known = Cerys with { GivenName = "Bethany" };
        var typed = AtTheSameHome("Pethanu", dateOfBirth: null);
        var engine = new MatchingEngine(frequencies: new InMemoryNameFrequencies(
            new Dictionary<string, double>(),
            new Dictionary<string, double> { ["bethany"] = 0.01, ["cerys"] = 0.01 }));

        var result = engine.Compare(typed, known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.GivenNameSlip, veto.Ground);
    }

    [Fact]
    public void Compare_GivenNamesOnlySoundingAlike_DateOfBirthMissing_APersonChecks()
    {
        // Ella and Ellie may be sisters; without a date of birth nothing of the child's own says one child.
        var known = Cerys with { GivenName = "Ella" };
        var other = AtTheSameHome("Ellie", dateOfBirth: null);

        var result = Engine.Compare(other, known);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Fact]
    public void Compare_DifferentGivenNameAndNoDateOfBirth_SameNhsNumber_TheIdentifierSpeaksForTheChild()
    {
        var known = Cerys with { NhsNumber = "943 476 5919" };
        var referral = AtTheSameHome("Megan", dateOfBirth: null) with { NhsNumber = "9434765919" };

        var result = Engine.Compare(referral, known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }
}
