using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>
/// Decision 0092: an e-mail address or phone number that both records say is the child's own is the child's own
/// evidence, so decision 0090's "own details must say one child" is met by it; a parent's or carer's, or one whose owner
/// a record does not say, stays the home's, which brothers and sisters share.
/// </summary>
public sealed class ContactOwnerTests
{
    private static readonly MatchingEngine Engine = new();

    /// <summary>A young person as GeCo's records hold one: names, date of birth, postcode, town and their own contacts.</summary>
    private static readonly PersonRecord Cerys = new(
        Guid.NewGuid(),
        "Cerys",
        "Pritchard",
        DateOfBirth: new DateOnly(2011, 6, 14),
        Sex: Sex.Female,
        Postcode: "CF37 1AB",
        Email: "cerys.pritchard@example.com",
        Phone: "07700 900123",
        Town: "Pontypridd",
        EmailOwner: ContactOwner.Child,
        PhoneOwner: ContactOwner.Child);

    /// <summary>Her record written again with the given name left out, the family name mistyped and no date of birth.</summary>
    private static PersonRecord Slipped(PersonRecord record) =>
        record with { Id = Guid.NewGuid(), GivenName = null, FamilyName = "Pritchad", DateOfBirth = null, Email = null };

    [Fact]
    public void Compare_SameChildHerOwnPhoneAgrees_NamesSlipNoDateOfBirth_Links()
    {
        var again = Slipped(Cerys);

        var result = Engine.Compare(again, Cerys);

        Assert.Equal(MatchDecision.Link, result.Decision);
        Assert.Empty(result.Vetoes);
    }

    [Fact]
    public void Compare_SameShapeButThePhoneIsAParents_APersonChecks()
    {
        // The pair decision 0090 is about: with a parent's phone, this could as well be her brother or sister.
        var parents = Cerys with { PhoneOwner = ContactOwner.ParentOrCarer };
        var again = Slipped(parents);

        var result = Engine.Compare(again, parents);

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Fact]
    public void Compare_TwoSiblingsSharingAParentsPhone_NotLinked()
    {
        var parents = Cerys with { PhoneOwner = ContactOwner.ParentOrCarer, Email = null };
        var brother = parents with { Id = Guid.NewGuid(), GivenName = "Osian", Sex = Sex.Male, DateOfBirth = null };

        var result = Engine.Compare(brother, parents);

        Assert.NotEqual(MatchDecision.Link, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Theory]
    [InlineData(ContactOwner.Child, null)]
    [InlineData(ContactOwner.Child, ContactOwner.ParentOrCarer)]
    [InlineData(null, null)]
    public void Compare_OwnOnOneRecordOnly_StaysTheHomesEvidence(ContactOwner? left, ContactOwner? right)
    {
        // Older records do not say whose a contact is: read as a parent's, the safe reading.
        var again = Slipped(Cerys) with { PhoneOwner = left };

        var result = Engine.Compare(again, Cerys with { PhoneOwner = right });

        Assert.Equal(MatchDecision.Review, result.Decision);
        Assert.Equal(VetoRule.OwnDetailsSilent, Assert.Single(result.Vetoes).Rule);
    }

    [Fact]
    public void Compare_OwnPhonesDiffer_TheRuleStillHolds()
    {
        // Only an agreeing contact speaks: two young people of one home each with their own phone say nothing of one child.
        var again = Slipped(Cerys) with { Phone = "07700 900456" };

        var result = Engine.Compare(again, Cerys);

        Assert.Equal(AgreementLevel.Disagree, result.Fields.Single(f => f.Field == MatchField.Phone).Level);
        Assert.Equal(MatchDecision.Review, result.Decision);
        var veto = Assert.Single(result.Vetoes);
        Assert.Equal(VetoRule.OwnDetailsSilent, veto.Rule);
        Assert.Equal(VetoOutcome.PersonChecks, veto.Outcome);
        Assert.Equal(MatchTexts.OwnDetailsSilent, veto.Reason);
    }
}
