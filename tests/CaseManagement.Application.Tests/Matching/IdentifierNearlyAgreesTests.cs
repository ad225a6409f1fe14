using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Decision 0098: a child's own identifier written wrongly (an NHS number failing its check one slip from the other
/// record's valid number) says one child as the same number does, and a given name
/// mistyped three times into a spelling no one has goes to a person instead of being stopped as a brother's or sister's.
/// Brothers and sisters at the same home, with their own numbers and their own names, are still never linked.
/// Decision 0103: the same reading for the UPN and PNC ID; two valid identifiers that differ are two identifiers; a
/// given name two slips off with another date of birth goes to a person as one three slips off does; an other
/// identifier's slip in its last two characters is another number.
/// </summary>
public sealed class IdentifierNearlyAgreesTests
{
    /// <summary>A valid NHS number (modulus 11).</summary>
    private const string NhsNumber = "9434765919";

    /// <summary>The same number with its fourth digit mistyped: it fails the check.</summary>
    private const string NhsNumberMistyped = "9435765919";

    /// <summary>Another valid NHS number: a brother's or sister's own.</summary>
    private const string SistersNhsNumber = "4010238712";

    /// <summary>A valid UPN (DfE check letter V); decision 0103 reads a UPN or PNC ID written wrongly as 0098 reads an NHS number.</summary>
    private const string Upn = "V820400112345";

    /// <summary>Her twin's UPN, issued next: the serial and the check letter differ.</summary>
    private const string TwinsUpn = "J820400112346";

    /// <summary>A valid PNC ID (check letter U).</summary>
    private const string PncIdentifier = "12/0345678U";

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

    /// <summary>Cerys known by her UPN and PNC ID instead of her NHS number.</summary>
    private static readonly PersonRecord CerysAtSchool = Cerys with { NhsNumber = null, UniquePupilNumber = Upn, PncId = PncIdentifier };

    /// <summary>Another record at Cerys's home, known by another name and with no date of birth: only an identifier can say whose.</summary>
    private static PersonRecord AtSchoolAndHome(string? upn, string? pncId) =>
        CerysAtSchool with { Id = Guid.NewGuid(), GivenName = "Nia", DateOfBirth = null, UniquePupilNumber = upn, PncId = pncId };

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
    public void Compare_SisterAtTheSameHomeNoDateOfBirth_HerOwnNumber_APersonChecksTwoNumbers()
    {
        var sister = AtTheSameHome("Nia", dateOfBirth: null, SistersNhsNumber);

        var result = Engine.Compare(sister, Cerys);

        AssertTwoValidNumbersForAPerson(result, MatchField.NhsNumber);
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
    public void Compare_TwinsAtTheSameHomeNoDateOfBirth_ValidNumbersTwoDigitsApart_APersonChecksTwoNumbers()
    {
        // Twins' numbers issued three apart: both valid, differing in two digits with the same check digit, which the
        // older identifier level reads as Similar. Two valid numbers are never one child's number written wrongly (the
        // check catches every single slip and every swap of neighbours), so nothing is set aside for them.
        var cerys = Cerys with { NhsNumber = "9434765072" };
        var twin = cerys with { Id = Guid.NewGuid(), GivenName = "Nia", DateOfBirth = null, NhsNumber = "9434765102" };

        var result = Engine.Compare(twin, cerys);

        AssertTwoValidNumbersForAPerson(result, MatchField.NhsNumber);
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

    [Theory]
    [InlineData("V825400112345", null)] // the local authority's second digit mistyped: fails the check letter
    [InlineData("v825 4001 12345", null)] // the same, written in lower case with spaces
    [InlineData(null, "12/0545678U")] // the serial's second digit mistyped
    [InlineData(null, "2012/545678U")] // the same, written with a four-digit year and no leading zero
    [InlineData(null, "13/0345678U")] // the year mistyped
    public void Compare_GivenNameReplacedNoDateOfBirth_IdentifierMistypedOneSlip_Links(string? upn, string? pncId)
    {
        var typed = AtSchoolAndHome(upn, pncId);

        var result = Engine.Compare(typed, CerysAtSchool);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var field = result.Fields.Single(f => f.Field == (upn is null ? MatchField.PncId : MatchField.UniquePupilNumber));
        Assert.Equal(AgreementLevel.Similar, field.Level);
        Assert.Equal(MatchTexts.NhsNumberMistyped, field.Note);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.SetAside, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierNearlyAgrees, veto.Ground);
    }

    [Theory]
    [InlineData(TwinsUpn, null)] // her own UPN: valid and different
    [InlineData("V820400112346", null)] // her own UPN with Cerys's check letter: one slip in the check letter from Cerys's
    [InlineData("J820400112345", null)] // Cerys's serial with her check letter: one slip in the serial from Cerys's
    [InlineData(null, "12/0345679U")] // her PNC ID issued next (12/0345679V) with Cerys's check letter
    [InlineData("V820400112354", null)] // Cerys's serial with its last two digits swapped
    [InlineData(null, "12/0345688U")] // the serial's second-last digit
    public void Compare_TwinAtTheSameHomeNoDateOfBirth_HerNumberMisreadWhereTwinsDiffer_APersonChecks(string? upn, string? pncId)
    {
        var twin = AtSchoolAndHome(upn, pncId);

        var result = Engine.Compare(twin, CerysAtSchool);

        var field = upn is null ? MatchField.PncId : MatchField.UniquePupilNumber;
        if (upn == TwinsUpn)
        {
            AssertTwoValidNumbersForAPerson(result, field);
            return;
        }

        // Her number, misread where twins' numbers differ, fails its check and is not read as Cerys's written wrongly:
        // it is missing, and only the home agrees.
        var written = result.Fields.Single(f => f.Field == field);
        Assert.Equal(AgreementLevel.Missing, written.Level);
        Assert.Equal(MatchWords.Of(upn is null ? MatchTexts.InvalidPncId : MatchTexts.InvalidUniquePupilNumber, upn ?? pncId!).ToString(), written.Note);
        AssertOnlyTheHomeAgreesForAPerson(result);
    }

    [Fact]
    public void Compare_GivenNameReplacedDateOfBirthMistyped_UpnMistypedOneSlip_APersonChecks()
    {
        // The sibling rule stops a different given name and date of birth; her own UPN written wrongly lets a person see
        // the pair instead of dropping it, as an NHS number written wrongly does (decision 0098).
        var typed = AtSchoolAndHome("V825400112345", pncId: null) with { DateOfBirth = new DateOnly(2012, 8, 19) };

        var result = Engine.Compare(typed, CerysAtSchool);

        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.IdentifierNearlyAgrees, veto.Ground);
    }

    [Fact]
    public void Compare_TwinsBornTogetherAtTheSameHome_ValidNhsNumbersTwoDigitsApart_Stopped()
    {
        // Twins' NHS numbers issued three apart: both valid, two digits apart, the same check digit. Two valid numbers are
        // never one slip apart, so they are two numbers (Disagree), and twins each having their own stops the pair; read as
        // Similar (decisions 0067, 0080) they counted for it and the twin rule offered the pair to a person.
        var cerys = Cerys with { NhsNumber = "9434765072" };
        var twin = cerys with { Id = Guid.NewGuid(), GivenName = "Nia", NhsNumber = "9434765102" };

        var result = Engine.Compare(twin, cerys);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(AgreementLevel.Disagree, result.Fields.Single(f => f.Field == MatchField.NhsNumber).Level);
        Assert.Equal(VetoOutcome.Stops, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.TwinDifferentGivenNames).Outcome);
    }

    [Fact]
    public void Compare_SameChildEverythingAgrees_ValidNhsNumbersTwoDigitsApart_StillLinks()
    {
        // The rarer reading: one child's number with two slips the check happens to miss. Her name, date of birth and home
        // say she is one child, so the different number is taken for the slip (decision 0072) and only weighs against her.
        var cerys = Cerys with { NhsNumber = "9434765072" };
        var again = cerys with { Id = Guid.NewGuid(), NhsNumber = "9434765102" };

        var result = Engine.Compare(again, cerys);

        Assert.Equal(MatchDecision.Link, result.Decision);
    }

    [Fact]
    public void Compare_TwinAtTheSameHomeNoDateOfBirth_HerNhsNumberMisreadInItsLastDigits_APersonChecks()
    {
        // Decision 0103, item 3c: the twin's number 9434765102 misread as 9434765002 fails the check and is one slip from
        // Cerys's 9434765072, in the ninth digit, where numbers issued in sequence differ. With her date of birth missing no
        // twin rule can speak (they need both dates), so only leaving those digits out keeps the pair from the score.
        var cerys = Cerys with { NhsNumber = "9434765072" };
        var twin = cerys with { Id = Guid.NewGuid(), GivenName = "Nia", DateOfBirth = null, NhsNumber = "9434765002" };

        var result = Engine.Compare(twin, cerys);

        Assert.Equal(AgreementLevel.Missing, result.Fields.Single(f => f.Field == MatchField.NhsNumber).Level);
        AssertOnlyTheHomeAgreesForAPerson(result);
    }

    [Fact]
    public void Compare_GivenNameTwoSlipsIntoNoOnesName_AnotherDateOfBirth_APersonChecks()
    {
        // Bethany typed as Pethanu (two slips) with another date of birth: shown to a person, as Bwthsmy (three slips) is
        // (decision 0098). Before decision 0103 the nearer slip was stopped as a sister while the farther one was offered.
        var known = Cerys with { GivenName = "Bethany", NhsNumber = null };
        var typed = known with { Id = Guid.NewGuid(), GivenName = "Pethanu", DateOfBirth = new DateOnly(2012, 8, 19) };
        var engine = EngineKnowing(("bethany", 0.01), ("cerys", 0.01));

        var result = engine.Compare(typed, known);

        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.GivenNameSlip, veto.Ground);
        Assert.EndsWith(MatchTexts.TwoSlipsPersonDecides, veto.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SistersWithNamesTwoSlipsApartBothInUse_AnotherDateOfBirth_Stopped()
    {
        var known = Cerys with { GivenName = "Bethany", NhsNumber = null };
        var sister = known with { Id = Guid.NewGuid(), GivenName = "Pethanu", DateOfBirth = new DateOnly(2014, 8, 19) };
        var engine = EngineKnowing(("bethany", 0.01), ("pethanu", 0.01));

        var result = engine.Compare(sister, known);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(VetoOutcome.Stops, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Outcome);
    }

    [Fact]
    public void Compare_GivenNameTwoSlipsIntoNoOnesName_AnotherDateOfBirthAndSex_Stopped()
    {
        // Another sex too: a brother is as likely, as for the three-slip name; the sibling rule stops the pair.
        var known = Cerys with { GivenName = "Bethany", NhsNumber = null };
        var brother = known with { Id = Guid.NewGuid(), GivenName = "Pethanu", DateOfBirth = new DateOnly(2014, 8, 19), Sex = Sex.Male };
        var engine = EngineKnowing(("bethany", 0.01), ("cerys", 0.01));

        var result = engine.Compare(brother, known);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
    }

    [Fact]
    public void Compare_GivenNameTwoSlipsAnotherDateOfBirthAndSex_NhsNumberMistyped_APersonChecksForTheNumber()
    {
        // As above, but the brother-shaped record carries the known child's NHS number written wrongly: the number, not
        // the name, is why a person sees the pair, and the ground says so (review at merge of decision 0103).
        var known = Cerys with { GivenName = "Bethany" };
        var typed = known with { Id = Guid.NewGuid(), GivenName = "Pethanu", DateOfBirth = new DateOnly(2014, 8, 19), Sex = Sex.Male, NhsNumber = NhsNumberMistyped };
        var engine = EngineKnowing(("bethany", 0.01), ("cerys", 0.01));

        var result = engine.Compare(typed, known);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(VetoGround.IdentifierNearlyAgrees, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Ground);
    }

    [Theory]
    [InlineData(MatchField.UniquePupilNumber, "V825400112345", "V825400112345", true)] // a local authority digit
    [InlineData(MatchField.UniquePupilNumber, "V824000112345", "V824000112345", true)] // two neighbours swapped
    [InlineData(MatchField.UniquePupilNumber, "V820400112354", "V820400112354", false)] // in the serial
    [InlineData(MatchField.UniquePupilNumber, "W820400112345", "W820400112345", false)] // the check letter
    [InlineData(MatchField.PncId, "12/0545678U", "12/0545678U", true)]
    [InlineData(MatchField.PncId, "12/345678u", null, false)] // valid: not mistyped at all
    [InlineData(MatchField.PncId, "12/0345677U", "12/0345677U", false)] // the serial's last digit
    [InlineData(MatchField.PncId, "12/0345678V", "12/0345678V", false)] // the check letter
    public void IsOneSlipFrom_MistypedIdentifier_OnlyOneSlipOutsideTheCheckAndTheSerialsEnd(MatchField kind, string written, string? mistyped, bool expected)
    {
        var valid = kind == MatchField.PncId ? PncIdentifier : Upn;

        Assert.Equal(mistyped, PersonIdentifiers.Mistyped(kind, written));

        Assert.Equal(expected, mistyped is not null && PersonIdentifiers.IsOneSlipFrom(kind, valid, mistyped));
    }

    [Theory]
    [InlineData("CM-2026-00417", "CM-2026-00418", AgreementLevel.Disagree)] // twins referred together, numbered in sequence
    [InlineData("CM-2026-00417", "CM-2026-00471", AgreementLevel.Disagree)] // the last two swapped: as likely a number issued later
    [InlineData("CM-2026-00417", "CM-2027-00417", AgreementLevel.Similar)] // one slip before them: that number written wrongly
    [InlineData("CM-2026-00417", "cm 2026 00417", AgreementLevel.Exact)]
    public void Compare_OtherIdentifierOfOneIssuer_ASlipInItsLastTwoCharactersIsAnotherNumber(string known, string written, AgreementLevel expected)
    {
        // No check character: a slip in the last two characters cannot be told from the next number issued (decision 0103).
        var child = Cerys with { NhsNumber = null, OtherIdentifier = known, OtherIdentifierIssuer = "Rhondda Cynon Taf" };
        var other = child with { Id = Guid.NewGuid(), GivenName = "Nia", OtherIdentifier = written };

        var result = Engine.Compare(other, child);

        Assert.Equal(expected, result.Fields.Single(f => f.Field == MatchField.OtherIdentifier).Level);

        // Whatever the other identifier says, another given name with the same date of birth at one home is a twin's
        // shape: an identifier with no check character never sets that aside, and a person decides.
        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.TwinDifferentGivenNames, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(VetoGround.SharedHome, veto.Ground);
        Assert.Equal(MatchWords.Of(MatchTexts.TwinDifferentGivenNames, "Nia", "Cerys") + " " + MatchTexts.SharedHomeGivenName, veto.Reason);
    }

    /// <summary>
    /// Two valid identifiers that differ: the field says so, and a person checks the pair for that and for only the home
    /// agreeing; nothing is set aside as a number written wrongly.
    /// </summary>
    private static void AssertTwoValidNumbersForAPerson(MatchResult result, MatchField field)
    {
        var written = result.Fields.Single(f => f.Field == field);
        Assert.Equal(AgreementLevel.Disagree, written.Level);
        Assert.Equal(MatchTexts.IdentifiersDiffer, written.Note);
        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(
            [(VetoRule.IdentifiersConflict, VetoOutcome.PersonChecks, MatchTexts.IdentifiersConflict), (VetoRule.OwnDetailsSilent, VetoOutcome.PersonChecks, MatchTexts.OwnDetailsSilent)],
            result.Vetoes.Select(v => (v.Rule, v.Outcome, v.Reason)).Order());
        Assert.All(result.Vetoes, v => Assert.Null(v.Ground));
    }

    /// <summary>Only the family name and the home agree: the rule for that holds, and a person checks the pair.</summary>
    private static void AssertOnlyTheHomeAgreesForAPerson(MatchResult result)
    {
        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Null(veto.Ground);
        Assert.Equal(MatchTexts.OwnDetailsSilent, veto.Reason);
    }

    private static MatchingEngine EngineKnowing(params (string Name, double Share)[] givenNames) =>
        new(frequencies: new InMemoryNameFrequencies(
            new Dictionary<string, double>(),
            givenNames.ToDictionary(n => n.Name, n => n.Share)));
}
