using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Postcodes and phone numbers that are not in the UK's form (from abroad, or mistyped out of shape), kept and compared
/// as written (decision 0102): the same value is evidence of one home, where before it was read as missing.
/// </summary>
public sealed class AsWrittenTests
{
    private static readonly MatchingEngine Engine = new();

    /// <summary>A child living abroad: a French postcode and an Irish mobile number.</summary>
    private static readonly PersonRecord Known = new(
        Guid.NewGuid(),
        "Ffion",
        "Evans",
        DateOfBirth: new DateOnly(2012, 4, 3),
        Sex: Sex.Female,
        Postcode: "75008");

    /// <summary>The same child written again with her family name mistyped.</summary>
    private static readonly PersonRecord Referral = Known with { Id = Guid.NewGuid(), FamilyName = "Evnas" };

    private static FieldComparison Field(MatchResult result, MatchField field) => result.Fields.Single(f => f.Field == field);

    [Theory]
    [InlineData("75008", "75008")]
    [InlineData("D02 x285", "D02X285")]
    [InlineData("d02-X285", "D02X285")]
    [InlineData("1010", "1010")]
    [InlineData("CF37 1A8", "CF371A8")]
    public void AsWritten_NotAUkPostcode_LettersAndDigitsInUpperCase(string value, string expected)
    {
        Assert.Equal(expected, Postcodes.AsWritten(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CF37 1AB")]
    [InlineData("NFA")]
    [InlineData("unknown")]
    [InlineData("00000")]
    [InlineData("12")]
    [InlineData("12345")]
    [InlineData("4321")]
    [InlineData("CF37-1AB")]
    [InlineData("cf37 1ab.")]
    public void AsWritten_UkPostcodeOrNothingToCompare_Null(string? value)
    {
        Assert.Null(Postcodes.AsWritten(value));
    }

    [Theory]
    [InlineData("CF37-1AB")]
    [InlineData("cf37 1ab.")]
    public void Normalise_UkPostcodeWithPunctuation_TheSameUkPostcode(string value)
    {
        Assert.NotNull(Postcodes.Normalise("CF37 1AB"));
        Assert.Equal(Postcodes.Normalise("CF37 1AB"), Postcodes.Normalise(value));
    }

    [Theory]
    [InlineData("+353 87 123 4567", "353871234567")]
    [InlineData("00353 87 123 4567", "353871234567")]
    [InlineData("7700 900123", "7700900123")]
    public void PhoneAsWritten_NotAUkNumber_ItsDigits(string value, string expected)
    {
        Assert.Equal(expected, ContactDetails.PhoneAsWritten(value));
    }

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("123")]
    [InlineData("0000000000000")]
    [InlineData("1234567")]
    [InlineData("+123456789")]
    [InlineData("none")]
    public void PhoneAsWritten_UkNumberOrTooFewDigits_Null(string value)
    {
        Assert.Null(ContactDetails.PhoneAsWritten(value));
    }

    [Theory]
    [InlineData("75008", "75008", AgreementLevel.AsWritten)]
    [InlineData("d02 x285", "D02-X285", AgreementLevel.AsWritten)]
    [InlineData("D02 X285", "D02 X286", AgreementLevel.Similar)]
    [InlineData("CF37 1AB", "CF37 1A8", AgreementLevel.Missing)]
    [InlineData("CF37 1A", "CF37 1A8", AgreementLevel.Similar)]
    [InlineData("75008", "75011", AgreementLevel.Disagree)]
    [InlineData("75008", "CF37 1AB", AgreementLevel.Missing)]
    [InlineData("75008", null, AgreementLevel.Missing)]
    [InlineData("750", "751", AgreementLevel.Disagree)]
    [InlineData("CF37 1AB", "CF37 1AB", AgreementLevel.Exact)]
    public void Compare_Postcodes_LevelAsWritten(string? first, string? second, AgreementLevel expected)
    {
        var left = Known with { Postcode = first };
        var right = Known with { Id = Guid.NewGuid(), Postcode = second };

        Assert.Equal(expected, Field(Engine.Compare(left, right), MatchField.Postcode).Level);
        Assert.Equal(expected, Field(Engine.Compare(right, left), MatchField.Postcode).Level);
    }

    [Theory]
    [InlineData("+353 87 123 4567", "00353871234567", AgreementLevel.AsWritten)]
    [InlineData("+353 87 123 4567", "+353 87 123 4568", AgreementLevel.Similar)]
    [InlineData("7700 900123", "07700 900123", AgreementLevel.Similar)]
    [InlineData("+353 87 123 4567", "+33 1 42 68 53 00", AgreementLevel.Disagree)]
    [InlineData("+353 87 123 4567", "07700 900123", AgreementLevel.Missing)]
    [InlineData("07700 900123", "07700 900123", AgreementLevel.Exact)]
    public void Compare_Phones_LevelAsWritten(string first, string second, AgreementLevel expected)
    {
        var left = Known with { Phone = first };
        var right = Known with { Id = Guid.NewGuid(), Phone = second };

        Assert.Equal(expected, Field(Engine.Compare(left, right), MatchField.Phone).Level);
        Assert.Equal(expected, Field(Engine.Compare(right, left), MatchField.Phone).Level);
    }

    [Fact]
    public void Compare_SamePostcodeFromAbroadAndAFamilyNameSlip_Links()
    {
        var result = Engine.Compare(Referral, Known);

        Assert.Equal(MatchDecision.Link, result.Decision);
        var postcode = Field(result, MatchField.Postcode);
        Assert.Equal(AgreementLevel.AsWritten, postcode.Level);
        Assert.True(postcode.Weight > 0);
        Assert.Equal(MatchTexts.PostcodesAsWritten, postcode.Note);
    }

    [Fact]
    public void Compare_PostcodesFromAbroadThatDiffer_GainNothing()
    {
        var without = Engine.Compare(Referral with { Postcode = null }, Known with { Postcode = null });

        var result = Engine.Compare(Referral with { Postcode = "75011" }, Known);

        // Her names and date of birth alone leave the pair for a person; two postcodes from abroad that differ add nothing
        // for her and weigh against her, so a person still decides.
        Assert.Equal(MatchDecision.Review, without.Decision);
        var postcode = Field(result, MatchField.Postcode);
        Assert.Equal(AgreementLevel.Disagree, postcode.Level);
        Assert.True(postcode.Weight < 0);
        Assert.Null(postcode.Note);
        Assert.True(result.Score < without.Score);
        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_SamePostcodeFromAbroadAndTheSameHouseAndStreet_TheHomeCountedOnce()
    {
        var atHome = Known with { HouseNumber = "12", Street = "Rue du Faubourg" };
        var without = Engine.Compare(Referral with { Postcode = null, HouseNumber = "12", Street = "Rue du Faubourg" }, atHome with { Postcode = null });

        var result = Engine.Compare(Referral with { HouseNumber = "12", Street = "Rue du Faubourg" }, atHome);

        var postcode = Field(result, MatchField.Postcode);
        Assert.Equal(AgreementLevel.Missing, postcode.Level);
        Assert.Equal(without.Score, result.Score, 9);
        Assert.Equal("'75008' is not a UK postcode: compared as written it agrees, but the house and street already say this home, so it is not counted twice", postcode.Note);
    }

    [Fact]
    public void Compare_UkPostcodeAgainstOneFromAbroad_NeitherForNorAgainstAndSaysWhy()
    {
        var without = Engine.Compare(Referral with { Postcode = null }, Known with { Postcode = null });

        var result = Engine.Compare(Referral with { Postcode = "CF37 1AB" }, Known);

        var postcode = Field(result, MatchField.Postcode);
        Assert.Equal(AgreementLevel.Missing, postcode.Level);
        Assert.Equal(0, postcode.Weight);
        Assert.Equal(without.Score, result.Score, 9);
        Assert.Equal("'75008' is not a UK postcode: compared as written, it says nothing about the other, so it is treated as missing", postcode.Note);
    }

    [Fact]
    public void Compare_SamePhoneNumberFromAbroadAndAFamilyNameSlip_Links()
    {
        var result = Engine.Compare(
            Referral with { Postcode = null, Phone = "+353 87 123 4567" },
            Known with { Postcode = null, Phone = "00353 871 234 567" });

        Assert.Equal(MatchDecision.Link, result.Decision);
        var phone = Field(result, MatchField.Phone);
        Assert.Equal(AgreementLevel.AsWritten, phone.Level);
        Assert.Equal(MatchTexts.PhonesAsWritten, phone.Note);
    }

    [Fact]
    public void CandidateIdsFor_OnlyAPostcodeFromAbroadInCommon_FoundThroughIt()
    {
        // Another child of the home (or this one under a new name) with no date of birth: only the postcode is shared.
        var others = Enumerable.Range(0, 500).Select(i => new PersonRecord(Guid.NewGuid(), "Rhys", "Jones", Postcode: $"{10_000 + i}"));
        var index = CandidateIndex.Build([Known, .. others]);
        var referral = new PersonRecord(Guid.NewGuid(), "Seren", "Protheroe", Postcode: "75 008");

        Assert.Contains(Known.Id, index.CandidateIdsFor(referral));
        Assert.DoesNotContain(Known.Id, index.CandidateIdsFor(referral with { Postcode = "75009" }));
    }

    [Fact]
    public void CandidateIdsFor_OnlyAPhoneNumberFromAbroadInCommon_FoundThroughIt()
    {
        var known = Known with { Postcode = null, Phone = "+353 87 123 4567" };
        var index = CandidateIndex.Build([known]);
        var referral = new PersonRecord(Guid.NewGuid(), "Seren", "Protheroe", Phone: "00353871234567");

        Assert.Contains(known.Id, index.CandidateIdsFor(referral));
        Assert.DoesNotContain(known.Id, index.CandidateIdsFor(referral with { Phone = "+353 86 765 4321" }));
    }

    [Theory]
    [InlineData("75008", MatchDecision.Review)]
    [InlineData("75011", MatchDecision.NewChild)]
    public void Compare_TwinShapeAtAHomeAbroad_OfferedToAPersonOnlyWhenThePostcodeIsTheSame(string postcode, MatchDecision expected)
    {
        // Decision 0109: the same postcode from abroad is the same home, as a UK one is (decision 0077): a twin sister, or
        // Ffion with her given name replaced, goes to a person. At another home the twin rule stops the pair.
        var result = Engine.Compare(Known with { Id = Guid.NewGuid(), GivenName = "Seren", Postcode = postcode }, Known);

        Assert.Equal(expected, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.TwinDifferentGivenNames, veto.Rule);
        Assert.Equal(expected, veto.CapsAt);
    }

    [Theory]
    [InlineData("75008")]
    [InlineData("75011")]
    public void Compare_ValidIdentifiersDisagreeAtAPostcodeAbroad_APersonChecks(string postcode)
    {
        // Same name and full date of birth, two valid numbers: in one UK household one number is the slip (decision 0088).
        // A code from abroad may be a whole district or town (75008 is a part of Paris), where a namesake may live, so
        // even the same one does not make the pair one household (the merge review of decision 0109): a person checks.
        var lenient = new MatchingEngine(MatchingOptions.Default with { UpperThreshold = 15 });
        var known = Known with { NhsNumber = "943 476 5919" };
        var referral = Known with { Id = Guid.NewGuid(), NhsNumber = "401 023 2137", Postcode = postcode };

        var result = lenient.Compare(referral, known);

        Assert.Equal(AgreementLevel.Disagree, Field(result, MatchField.NhsNumber).Level);
        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Contains(result.Vetoes, v => v.Rule == VetoRule.IdentifiersConflict && v.CapsAt == MatchDecision.Review);
    }

    [Fact]
    public void Compare_BrotherAtTheSameHomeAbroad_ReasonSaysTheAddress()
    {
        var brother = Known with { Id = Guid.NewGuid(), GivenName = "Gethin", DateOfBirth = new DateOnly(2014, 9, 30), Sex = Sex.Male };

        var result = Engine.Compare(brother, Known);

        Assert.Equal(MatchDecision.NewChild, result.Decision);
        Assert.Equal(MatchTexts.SiblingAtOneAddress, Assert.Single(result.Vetoes, v => v.Rule == VetoRule.Sibling).Reason);
    }
}
