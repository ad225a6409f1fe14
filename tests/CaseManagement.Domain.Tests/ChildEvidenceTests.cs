using CaseManagement.Domain.Children;

namespace CaseManagement.Domain.Tests;

/// <summary>The evidence matching compares, held alike whether a child was registered with it or corrected to it (decision 0083).</summary>
public sealed class ChildEvidenceTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static readonly PersonDetails Details = new("Nia", "Prosser", null, new DateOnly(2012, 3, 4), Sex.Female, "CF10 1AA", PreferredLanguage.Welsh)
    {
        HouseNumberOrName = " 12 ",
        Street = "Heol y Felin",
        Town = "  ",
        School = "Ysgol Glan Taf",
        ParentOrCarerNames = ["Siân Prosser", " ", "Rhys Prosser"],
        Email = " nia@example.com ",
        Phone = "07700 900123",
        EmailOwner = ContactOwner.Child,
        PhoneOwner = ContactOwner.ParentOrCarer,
        OtherIdentifier = "SC-40213",
        OtherIdentifierIssuer = IdentifierIssuer.LocalAuthority,
    };

    [Fact]
    public void CorrectEvidence_ToWhatARegistrationGave_HoldsItAsTheRegistrationDoes()
    {
        var registered = Child.Register(Guid.NewGuid(), Details, Now);
        var corrected = Child.Register(Guid.NewGuid(), Details with { HouseNumberOrName = "3", ParentOrCarerNames = [], Email = null, OtherIdentifier = null }, Now);

        corrected.CorrectEvidence(
            Details.HouseNumberOrName, Details.Street, Details.Town, Details.School, Details.ParentOrCarerNames,
            new ContactDetail(Details.Email, Details.EmailOwner), new ContactDetail(Details.Phone, Details.PhoneOwner), Details.OtherIdentifier, Details.OtherIdentifierIssuer);

        Assert.Equal(Evidence(registered), Evidence(corrected));
        Assert.Equal((corrected.EmailOwner, corrected.PhoneOwner), (registered.EmailOwner, registered.PhoneOwner));
        Assert.Equal(((ContactOwner?)ContactOwner.Child, (ContactOwner?)ContactOwner.ParentOrCarer), (registered.EmailOwner, registered.PhoneOwner));
        Assert.Equal(("12", "Heol y Felin", (string?)null, "Ysgol Glan Taf", "Siân Prosser\nRhys Prosser", "nia@example.com", "07700 900123", "SC-40213", (IdentifierIssuer?)IdentifierIssuer.LocalAuthority), Evidence(registered));
    }

    [Fact]
    public void CorrectEvidence_AnIdentifierWithoutItsIssuer_IsRemoved()
    {
        var child = Child.Register(Guid.NewGuid(), Details, Now);

        child.CorrectEvidence(null, null, null, null, null, default, default, "SC-40213", null);

        Assert.Null(child.OtherIdentifier);
        Assert.Null(child.OtherIdentifierIssuer);
        Assert.Null(child.HouseNumberOrName);
        Assert.Null(child.ParentOrCarerNames);
    }

    [Fact]
    public void CorrectEvidence_AnOwnerWithoutItsContact_IsRemoved()
    {
        // Whose a contact is means nothing without the contact (decision 0092): a blank e-mail takes its owner with it.
        var child = Child.Register(Guid.NewGuid(), Details, Now);

        child.CorrectEvidence(null, null, null, null, null, new ContactDetail(" ", ContactOwner.Child), new ContactDetail("07700 900123", null), null, null);

        Assert.Null(child.Email);
        Assert.Null(child.EmailOwner);
        Assert.Equal("07700 900123", child.Phone);
        Assert.Null(child.PhoneOwner);
    }

    private static (string?, string?, string?, string?, string?, string?, string?, string?, IdentifierIssuer?) Evidence(Child c) =>
        (c.HouseNumberOrName, c.Street, c.Town, c.School, c.ParentOrCarerNames, c.Email, c.Phone, c.OtherIdentifier, c.OtherIdentifierIssuer);
}
