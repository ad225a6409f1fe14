using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Decision 0093: a form of a brother's or sister's name (a nickname, or the Welsh or English form) at one home says
/// nothing of which child it is, and the same given name at a home a neighbour does not share lets a different number be
/// weighed rather than capped.
/// </summary>
public sealed class SiblingNameFormTests
{
    private static readonly MatchingEngine Engine = new();

    /// <summary>A boy with everything of home a referral can carry.</summary>
    private static readonly PersonRecord Alexander = new(
        Guid.NewGuid(),
        "Alexander",
        "Pritchard",
        DateOfBirth: new DateOnly(2012, 3, 9),
        Sex: Sex.Male,
        Postcode: "CF37 1AB",
        Email: "pritchard.family@example.com",
        Phone: "07700 900123",
        Town: "Pontypridd",
        HouseNumber: "12",
        Street: "Heol y Bont",
        School: "Ysgol Gynradd Trehopcyn",
        Carers: ["Sian Pritchard", "Gareth Pritchard"]);

    private static PersonRecord AtTheSameHome(string givenName, Sex sex, DateOnly? dateOfBirth) =>
        Alexander with { Id = Guid.NewGuid(), GivenName = givenName, Sex = sex, DateOfBirth = dateOfBirth };

    [Fact]
    public void Compare_SistersNicknameAtHerBrothersHome_NoDateOfBirth_APersonChecks()
    {
        // His sister Alexandra, known as Alex: Alex is a form of Alexander too, and the home's fields outweighed the
        // sexes (+60 against -4): before decision 0093 she was linked to her brother automatically.
        var sister = AtTheSameHome("Alex", Sex.Female, dateOfBirth: null);

        var result = Engine.Compare(sister, Alexander);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.True(result.RawScore >= Engine.Options.UpperThreshold, "the nickname and the home alone would have linked this pair");
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.NameFormOnly, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Contains("a brother and a sister can be given such names", veto.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NicknameAtTheSameHome_AnotherDateOfBirth_APersonChecks()
    {
        var sister = AtTheSameHome("Alex", Sex.Female, new DateOnly(2015, 7, 21));

        var result = Engine.Compare(sister, Alexander);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.Contains(result.Vetoes, v => v.Rule == VetoRule.NameFormOnly);
    }

    [Fact]
    public void Compare_SameChildByANickname_SameDateOfBirth_StillLinks()
    {
        var himself = AtTheSameHome("Alex", Sex.Male, Alexander.DateOfBirth);

        var result = Engine.Compare(himself, Alexander);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_SameChildByANickname_NoDateOfBirth_SameFamilyNameAndSex_TheScoreDecides()
    {
        // Two brothers of one family name are not given forms of one name: without a date of birth, the same family name
        // and sex leave the nickname to the score (on the labelled sets this shape is one child).
        var himself = AtTheSameHome("Alex", Sex.Male, dateOfBirth: null);

        var result = Engine.Compare(himself, Alexander);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_NicknameWithoutADateOfBirth_SameNhsNumber_TheIdentifierSpeaksForTheChild()
    {
        var known = Alexander with { NhsNumber = "943 476 5919" };
        var himself = AtTheSameHome("Alex", Sex.Male, dateOfBirth: null) with { NhsNumber = "9434765919" };

        var result = Engine.Compare(himself, known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_SameGivenNameAndHouseAnotherFamilyName_DifferentNhsNumbers_TheScoreDecides()
    {
        // A child whose family name changed (a step-parent, adoption) and whose number was re-issued: brothers and sisters
        // at that house are never given one name, and a namesake does not live there.
        var known = Alexander with { NhsNumber = "4010232137" };
        var himself = AtTheSameHome("Alexander", Sex.Male, dateOfBirth: null) with { FamilyName = "Bevan", NhsNumber = "4505577104" };

        var result = Engine.Compare(himself, known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.IdentifiersConflict, veto.Rule);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.OtherEvidenceOutweighs, veto.Ground);
    }

    [Fact]
    public void Compare_SameGivenNameOnlyThePostcodeShared_DifferentNhsNumbers_APersonChecks()
    {
        // A neighbour of the same given name shares the postcode but not the house, the phone or the e-mail address.
        var known = Alexander with { NhsNumber = "4010232137" };
        var neighbour = new PersonRecord(Guid.NewGuid(), "Alexander", "Bevan", DateOfBirth: null, Sex: Sex.Male, Postcode: "CF37 1AB",
            Town: "Pontypridd", NhsNumber: "4505577104");

        var result = Engine.Compare(neighbour, known);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.Contains(result.Vetoes, v => v.Rule == VetoRule.IdentifiersConflict && v.Outcome == VetoOutcome.PersonChecks);
    }

    [Fact]
    public void Compare_BrotherAtTheSameHouse_DifferentNhsNumbers_NotLinked()
    {
        var known = Alexander with { NhsNumber = "4010232137" };
        var brother = AtTheSameHome("Osian", Sex.Male, dateOfBirth: null) with { NhsNumber = "4505577104" };

        var result = Engine.Compare(brother, known);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.Contains(result.Vetoes, v => v.Rule == VetoRule.IdentifiersConflict && v.Outcome == VetoOutcome.PersonChecks);
    }
}
