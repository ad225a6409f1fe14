using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Decision 0098: a child's own identifier written wrongly (an NHS number failing its check one slip from the other
/// record's valid number) says one child as the same number does, and a given name
/// mistyped three times into a spelling no one has goes to a person instead of being stopped as a brother's or sister's.
/// Brothers and sisters at the same home, with their own numbers and their own names, are still never linked.
/// </summary>
public sealed class IdentifierNearlyAgreesTests
{
    /// <summary>A valid NHS number (modulus 11).</summary>
    private const string NhsNumber = "9434765919";

    /// <summary>The same number with its fourth digit mistyped: it fails the check.</summary>
    private const string NhsNumberMistyped = "9435765919";

    /// <summary>Another valid NHS number: a brother's or sister's own.</summary>
    private const string SistersNhsNumber = "4010238712";

    private static readonly MatchingEngine Engine = new();

    private static readonly PersonRecord Cerys = new(
        Guid.NewGuid(),
        "Cerys",
        "Pritchard",
        DateOfBirth: new DateOnly(2012, 3, 9),
        Sex: Sex.Female,
        Postcode: "CF37 1AB",
        NhsNumber: NhsNumber,
        Email: "pritchard.family@example.com",
        Phone: "07700 900123",
        Town: "Pontypridd",
        HouseNumber: "12",
        Street: "Heol y Bont");

    private static PersonRecord AtTheSameHome(string givenName, DateOnly? dateOfBirth, string? nhsNumber) =>
        Cerys with { Id = Guid.NewGuid(), GivenName = givenName, DateOfBirth = dateOfBirth, NhsNumber = nhsNumber };

    [Fact]
    public void Compare_GivenNameReplacedNoDateOfBirth_NhsNumberMistypedOneSlip_Links()
    {
        // Cerys's record from another service: known there by another name, no date of birth, her NHS number with one
        // digit mistyped. Before decision 0098 the mistyped number was missing and only the home agreed: a person checked.
        var typed = AtTheSameHome("Nia", dateOfBirth: null, NhsNumberMistyped);

        var result = Engine.Compare(typed, Cerys);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var nhs = result.Fields.Single(f => f.Field == MatchField.NhsNumber);
        Assert.Equal(AgreementLevel.Similar, nhs.Level);
        Assert.Equal(MatchTexts.NhsNumberMistyped, nhs.Note);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierNearlyAgrees, veto.Ground);
        Assert.EndsWith(MatchTexts.IdentifierNearlyAgreesSetAside, veto.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SisterAtTheSameHomeNoDateOfBirth_HerOwnNumber_NotLinked()
    {
        var sister = AtTheSameHome("Nia", dateOfBirth: null, SistersNhsNumber);

        var result = Engine.Compare(sister, Cerys);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.DoesNotContain(result.Vetoes, v => v.Ground == VetoGround.IdentifierNearlyAgrees);
    }

    [Fact]
    public void Compare_SisterAtTheSameHomeNoDateOfBirth_HerNumberMistyped_NotLinked()
    {
        // Her own number mistyped is far from Cerys's: it is missing, and the home alone still does not link.
        var sister = AtTheSameHome("Nia", dateOfBirth: null, "4011238712");

        var result = Engine.Compare(sister, Cerys);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(AgreementLevel.Missing, result.Fields.Single(f => f.Field == MatchField.NhsNumber).Level);
        Assert.Equal(VetoOutcome.PersonChecks, Assert.Single(result.Vetoes).Outcome);
    }

    [Fact]
    public void Compare_GivenNameReplacedDateOfBirthMistyped_NhsNumberMistypedOneSlip_APersonChecks()
    {
        // The sibling rule stops a different given name and date of birth; the child's own number written wrongly lets a
        // person see the pair instead of dropping it.
        var typed = AtTheSameHome("Nia", new DateOnly(2012, 8, 19), NhsNumberMistyped);

        var result = Engine.Compare(typed, Cerys);

        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierNearlyAgrees, veto.Ground);
    }

    [Fact]
    public void Compare_SisterAtTheSameHome_AnotherDateOfBirth_NoNumber_Stopped()
    {
        var sister = AtTheSameHome("Nia", new DateOnly(2014, 8, 19), nhsNumber: null);

        var result = Engine.Compare(sister, Cerys);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(VetoOutcome.Stops, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Outcome);
    }

    [Fact]
    public void Compare_GivenNameMistypedThreeTimesIntoNoOnesName_DateOfBirthMistyped_APersonChecks()
    {
        // Bethany typed as Bwthsmy (three slips): no child is called that, so it is no sister's name, but three slips is too
        // far for the score alone; a person sees the pair instead of the sibling rule dropping it.
        var known = Cerys with { GivenName = "Bethany", NhsNumber = null };
        var typed = AtTheSameHome("Bwthsmy", new DateOnly(2012, 8, 19), nhsNumber: null);
        var engine = EngineKnowing(("bethany", 0.01), ("cerys", 0.01));

        var result = engine.Compare(typed, known);

        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.GivenNameFarSlip, veto.Ground);
    }

    [Fact]
    public void Compare_SistersWithNamesThreeSlipsApartBothInUse_AnotherDateOfBirth_Stopped()
    {
        // The same two spellings, both names children are given: sisters, stopped as before.
        var known = Cerys with { GivenName = "Bethany", NhsNumber = null };
        var sister = AtTheSameHome("Bwthsmy", new DateOnly(2014, 8, 19), nhsNumber: null);
        var engine = EngineKnowing(("bethany", 0.01), ("bwthsmy", 0.01));

        var result = engine.Compare(sister, known);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(VetoOutcome.Stops, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Outcome);
    }

    [Fact]
    public void Compare_TwinsAtTheSameHomeNoDateOfBirth_ValidNumbersTwoDigitsApart_NotLinked()
    {
        // Twins' numbers issued three apart: both valid, differing in two digits with the same check digit, which the
        // older identifier level reads as Similar. Two valid numbers are never one child's number written wrongly (the
        // check catches every single slip and every swap of neighbours), so nothing is set aside for them.
        var cerys = Cerys with { NhsNumber = "9434765072" };
        var twin = cerys with { Id = Guid.NewGuid(), GivenName = "Nia", DateOfBirth = null, NhsNumber = "9434765102" };

        var result = Engine.Compare(twin, cerys);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.DoesNotContain(result.Vetoes, v => v.Ground == VetoGround.IdentifierNearlyAgrees);
    }

    [Theory]
    [InlineData("9435765919", true)] // the fourth digit mistyped
    [InlineData("4934765919", true)] // the first two digits swapped
    [InlineData("9434765819", true)] // the eighth digit
    [InlineData("9434765929", false)] // the ninth digit: a twin's number issued next in sequence differs there
    [InlineData("9434765918", false)] // the check digit, where a twin's number differs too
    [InlineData("9535765919", false)] // two slips
    public void IsOneSlipFrom_MistypedNhsNumber_OnlyOneSlipBeforeTheLastTwoDigits(string mistyped, bool expected)
    {
        Assert.Null(PersonIdentifiers.NormaliseNhsNumber(mistyped));
        Assert.Equal(mistyped, PersonIdentifiers.MistypedNhsNumber(mistyped));

        Assert.Equal(expected, PersonIdentifiers.IsOneSlipFrom(NhsNumber, mistyped));
    }

    private static MatchingEngine EngineKnowing(params (string Name, double Share)[] givenNames) =>
        new(frequencies: new InMemoryNameFrequencies(
            new Dictionary<string, double>(),
            givenNames.ToDictionary(n => n.Name, n => n.Share)));
}
