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
            Details.Email, Details.Phone, Details.OtherIdentifier, Details.OtherIdentifierIssuer);

        Assert.Equal(Evidence(registered), Evidence(corrected));
        Assert.Equal(("12", "Heol y Felin", (string?)null, "Ysgol Glan Taf", "Siân Prosser\nRhys Prosser", "nia@example.com", "07700 900123", "SC-40213", (IdentifierIssuer?)IdentifierIssuer.LocalAuthority), Evidence(registered));
    }

    [Fact]
    public void CorrectEvidence_AnIdentifierWithoutItsIssuer_IsRemoved()
    {
        var child = Child.Register(Guid.NewGuid(), Details, Now);

        child.CorrectEvidence(null, null, null, null, null, null, null, "SC-40213", null);

        Assert.Null(child.OtherIdentifier);
        Assert.Null(child.OtherIdentifierIssuer);
        Assert.Null(child.HouseNumberOrName);
        Assert.Null(child.ParentOrCarerNames);
    }

    private static (string?, string?, string?, string?, string?, string?, string?, string?, IdentifierIssuer?) Evidence(Child c) =>
        (c.HouseNumberOrName, c.Street, c.Town, c.School, c.ParentOrCarerNames, c.Email, c.Phone, c.OtherIdentifier, c.OtherIdentifierIssuer);
}
