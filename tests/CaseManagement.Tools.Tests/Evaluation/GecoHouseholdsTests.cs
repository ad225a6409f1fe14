using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Tools.Tests.Evaluation;

/// <summary>The GeCo model with households (decision 0087): brothers, sisters and twins as the published figures have them.</summary>
public sealed class GecoHouseholdsTests
{
    private static readonly GecoPopulation Set = GecoReferrals.Generate(GecoReferralOptions.WithHouseholds(20_000, 42));
    private static readonly IReadOnlyList<SyntheticPerson> People = Set.Population.People;
    private static readonly Dictionary<string, SyntheticPerson> ById = People.ToDictionary(p => p.PersonId);

    /// <summary>Each household's children, for households of two or more.</summary>
    private static readonly List<List<SyntheticPerson>> Groups = People.GroupBy(p => p.FamilyId).Where(g => g.Count() > 1).Select(g => g.ToList()).ToList();

    [Fact]
    public void WithHouseholds_ShareOfChildrenWithABrotherOrSister_AsPublished()
    {
        var withSibling = People.Count(p => People.Any(o => o.FamilyId == p.FamilyId && o.PersonId != p.PersonId)) / (double)People.Count;

        // 45% (Family Rights Group, Lincolnshire and Devon figures); the last household may be cut short by the row count.
        Assert.InRange(withSibling, 0.42, 0.48);
        Assert.InRange(Groups.Average(g => g.Count), 2.3, 2.7);
        Assert.All(Groups, g => Assert.InRange(g.Count, 2, 5)); // four, and twins born last
    }

    [Fact]
    public void WithHouseholds_Twins_AboutOneMaternityIn65_SameDateAndHomeNotGivenName()
    {
        var twinPairs = Groups.SelectMany(g => g.Where(p => p.Relation == SyntheticRelation.Twin)
                .GroupBy(p => p.DateOfBirth)
                .Where(t => t.Count() == 2)
                .Select(t => (First: t.First(), Second: t.Last())))
            .ToList();
        var maternities = Groups.Sum(g => g.Select(p => p.DateOfBirth).Distinct().Count());

        Assert.InRange(twinPairs.Count / (double)maternities, 1 / 100.0, 1 / 40.0);
        Assert.All(twinPairs, t =>
        {
            Assert.Equal(t.First.DateOfBirth, t.Second.DateOfBirth);
            Assert.Equal(t.First.FamilyName, t.Second.FamilyName);
            Assert.Equal(t.First.Postcodes, t.Second.Postcodes);
            Assert.NotEqual(t.First.GivenName, t.Second.GivenName);
        });

        // Most twins are of one sex (identical twins and half the others), some are a brother and a sister.
        var sameSex = twinPairs.Count(t => t.First.Sex == t.Second.Sex) / (double)twinPairs.Count;
        Assert.InRange(sameSex, 0.5, 0.85);
    }

    [Fact]
    public void WithHouseholds_Siblings_ShareHomeAndMostlyFamilyName_DifferInGivenNameDateAndIdentifier()
    {
        var pairs = Groups.SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b)))).ToList();
        var siblings = pairs.Where(p => p.a.DateOfBirth != p.b.DateOfBirth).ToList();

        Assert.All(pairs, p =>
        {
            Assert.Equal(p.a.Postcodes, p.b.Postcodes);
            Assert.NotEqual(p.a.GivenName, p.b.GivenName);
        });
        Assert.All(siblings, p => Assert.True(Math.Abs(p.a.DateOfBirth.DayNumber - p.b.DateOfBirth.DayNumber) > 365, "brothers and sisters are born a year or more apart"));
        Assert.InRange(siblings.Count(p => p.a.FamilyName == p.b.FamilyName) / (double)siblings.Count, 0.8, 0.95);

        // Every child has their own identifier: where both have one, valid and different.
        var bothNumbered = pairs.Where(p => p.a.NhsNumber.Length > 0 && p.b.NhsNumber.Length > 0).ToList();
        Assert.NotEmpty(bothNumbered);
        Assert.All(bothNumbered, p =>
        {
            Assert.True(PersonIdentifiers.IsValidNhsNumber(p.a.NhsNumber) && PersonIdentifiers.IsValidNhsNumber(p.b.NhsNumber));
            Assert.NotEqual(p.a.NhsNumber, p.b.NhsNumber);
        });
    }

    [Fact]
    public void WithHouseholds_OriginalRecords_BrothersAndSistersShareAddressCarersAndSomeContacts()
    {
        var originals = Set.Population.Records.Where(r => r.Source == GecoReferrals.OriginalSource).ToDictionary(r => r.PersonId, r => r.Record);
        var pairs = Groups.SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a: originals[a.PersonId], b: originals[b.PersonId])))).ToList();

        Assert.All(pairs, p =>
        {
            Assert.Equal((p.a.HouseNumber, p.a.Street, p.a.Town, p.a.Postcode), (p.b.HouseNumber, p.b.Street, p.b.Town, p.b.Postcode));
            Assert.Equal(p.a.Carers, p.b.Carers);
        });
        Assert.InRange(pairs.Count(p => p.a.Phone is not null && p.a.Phone == p.b.Phone) / (double)pairs.Count, 0.1, 0.4);
        Assert.InRange(pairs.Count(p => p.a.Email is not null && p.a.Email == p.b.Email) / (double)pairs.Count, 0.03, 0.2);
        Assert.InRange(pairs.Count(p => p.a.School is not null && p.a.School == p.b.School) / (double)pairs.Count, 0.2, 0.7);
    }

    [Fact]
    public void WithHouseholds_RowsLabelledWithTheirHousehold_DuplicatesCorruptedAsModerate()
    {
        var rows = Set.Population.Records;

        Assert.Equal(20_000, rows.Count);
        Assert.All(rows, r => Assert.Equal(ById[r.PersonId].FamilyId, r.FamilyId));
        Assert.Contains(rows, r => r.Source == GecoReferrals.DuplicateSource && r.Record.School is not null && r.Record.School != rows.First(o => o.PersonId == r.PersonId && o.Source == GecoReferrals.OriginalSource).Record.School);

        // About half the children have duplicates, as in the moderate set.
        var perPerson = rows.GroupBy(r => r.PersonId).Select(g => g.Count() - 1).ToList();
        Assert.InRange(perPerson.Count(d => d == 0) / (double)perPerson.Count, 0.4, 0.6);
    }

    [Fact]
    public void WithHouseholds_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var again = GecoReferrals.Generate(GecoReferralOptions.WithHouseholds(20_000, 42));
        var other = GecoReferrals.Generate(GecoReferralOptions.WithHouseholds(20_000, 7));

        Assert.Equal(Fields(Set), Fields(again));
        Assert.NotEqual(Fields(Set), Fields(other));

        static List<string> Fields(GecoPopulation set) =>
            set.Population.Records.Select((r, i) => string.Join("|", GecoReferrals.CsvFields(r, set.Contacts[i]))
                + $"|{r.FamilyId}|{r.Record.School}|{string.Join(";", r.Record.Carers ?? [])}").ToList();
    }

    [Fact]
    public void Moderate_HasNoHouseholds()
    {
        var moderate = GecoReferrals.Generate(new GecoReferralOptions { Count = 5_000, Seed = 42 }).Population;

        Assert.All(moderate.Records, r => Assert.Equal(r.PersonId, r.FamilyId));
        Assert.All(moderate.Records, r => Assert.Null(r.Record.School));
    }
}
