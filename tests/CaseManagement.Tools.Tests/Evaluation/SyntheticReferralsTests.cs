using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Tests.Evaluation;

public sealed class SyntheticReferralsTests
{
    private static readonly SyntheticPopulation Population = SyntheticReferrals.Generate(5_000, seed: 42);
    private static readonly Dictionary<string, SyntheticPerson> People = Population.People.ToDictionary(p => p.PersonId);

    private static List<SyntheticPerson> PeopleIn(SyntheticRelation relation) =>
        Population.People.Where(p => p.Relation == relation && Population.Records.Any(r => r.PersonId == p.PersonId)).ToList();

    [Fact]
    public void Generate_SameSeed_SameRowsCharacterForCharacter()
    {
        var again = SyntheticReferrals.Generate(5_000, seed: 42);

        Assert.Equal(
            Population.Records.Select(SyntheticReferrals.CsvFields).SelectMany(f => f),
            again.Records.Select(SyntheticReferrals.CsvFields).SelectMany(f => f));
    }

    [Fact]
    public void Generate_AnotherSeed_OtherRows()
    {
        var other = SyntheticReferrals.Generate(5_000, seed: 43);

        Assert.NotEqual(
            Population.Records.Take(50).Select(r => r.Record.FamilyName),
            other.Records.Take(50).Select(r => r.Record.FamilyName));
    }

    [Fact]
    public void Generate_Count_ThatManyRowsNumberedInOrderWithDistinctIds()
    {
        Assert.Equal(5_000, Population.Records.Count);
        Assert.Equal("R0000001", Population.Records[0].RecordId);
        Assert.Equal("R0005000", Population.Records[^1].RecordId);
        Assert.Equal(5_000, Population.Records.Select(r => r.Record.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_EveryRow_LabelledWithItsPersonAndHousehold()
    {
        foreach (var row in Population.Records)
        {
            var person = People[row.PersonId];
            Assert.Equal(person.FamilyId, row.FamilyId);
        }

        // Several referrals per child, from more than one source.
        var perChild = Population.Records.GroupBy(r => r.PersonId).ToList();
        Assert.InRange(perChild.Average(g => g.Count()), 1.8, 3.0);
        Assert.Contains(perChild, g => g.Select(r => r.Source).Distinct().Count() >= 3);
    }

    [Fact]
    public void Generate_Twins_SameFamilyNameBirthAndAddressDifferentGivenNames()
    {
        var twins = PeopleIn(SyntheticRelation.Twin).GroupBy(p => p.FamilyId).Where(g => g.Count() == 2).ToList();

        Assert.True(twins.Count >= 20, $"only {twins.Count} pairs of twins");
        foreach (var pair in twins)
        {
            var (a, b) = (pair.First(), pair.Last());
            Assert.NotEqual(a.PersonId, b.PersonId);
            Assert.Equal(a.FamilyName, b.FamilyName);
            Assert.Equal(a.DateOfBirth, b.DateOfBirth);
            Assert.Equal(a.Postcodes, b.Postcodes);
            Assert.False(NameEquivalents.AreEquivalent(a.GivenName, b.GivenName), $"{a.GivenName} and {b.GivenName}");
        }

        Assert.Contains(twins, pair => pair.First().Sex != pair.Last().Sex);
        Assert.Contains(twins, pair => pair.First().Sex == pair.Last().Sex);
    }

    [Fact]
    public void Generate_Siblings_SameFamilyNameAndAddressBirthsAtLeastElevenMonthsApart()
    {
        var groups = PeopleIn(SyntheticRelation.Sibling).GroupBy(p => p.FamilyId).Where(g => g.Count() >= 2).ToList();

        Assert.True(groups.Count >= 50, $"only {groups.Count} sibling groups");
        foreach (var group in groups)
        {
            var children = group.ToList();
            Assert.Single(children.Select(c => c.FamilyName).Distinct());
            Assert.Single(children.Select(c => string.Join(',', c.Postcodes)).Distinct());
            for (var i = 0; i < children.Count; i++)
            {
                for (var j = i + 1; j < children.Count; j++)
                {
                    Assert.True(Math.Abs(children[i].DateOfBirth.DayNumber - children[j].DateOfBirth.DayNumber) >= 335);
                }
            }
        }
    }

    [Fact]
    public void Generate_Namesakes_UnrelatedChildrenWithTheSameCommonNamesAndBirth()
    {
        var namesakes = PeopleIn(SyntheticRelation.Namesake);

        Assert.NotEmpty(namesakes);
        foreach (var namesake in namesakes)
        {
            var original = People[namesake.NamesakeOf!];
            Assert.NotEqual(original.FamilyId, namesake.FamilyId);
            Assert.Equal(original.GivenName, namesake.GivenName);
            Assert.Equal(original.FamilyName, namesake.FamilyName);
            Assert.Equal(original.DateOfBirth, namesake.DateOfBirth);
            Assert.NotEqual(original.NhsNumber, namesake.NhsNumber);
        }
    }

    [Fact]
    public void Generate_TrueDetails_AgedEightToSeventeenWithValidIdentifiers()
    {
        var reference = new SyntheticReferralOptions().ReferenceDate;
        foreach (var person in Population.People)
        {
            var age = reference.Year - person.DateOfBirth.Year - (reference < person.DateOfBirth.AddYears(reference.Year - person.DateOfBirth.Year) ? 1 : 0);
            Assert.InRange(age, 8, 17);
            Assert.True(PersonIdentifiers.IsValidNhsNumber(person.NhsNumber), person.NhsNumber);
            Assert.True(PersonIdentifiers.IsValidUniquePupilNumber(person.UniquePupilNumber), person.UniquePupilNumber);
            Assert.True(person.PncId is null || PersonIdentifiers.IsValidPncId(person.PncId), person.PncId);
            Assert.NotNull(Postcodes.Normalise(person.Postcodes[0]));
        }

        Assert.Contains(Population.People, p => p.PncId is not null);
        Assert.Contains(Population.People, p => p.Postcodes.Count > 1);
    }

    [Fact]
    public void Generate_Rows_CarryTheRealisticSlipsAtPlausibleRates()
    {
        var rows = Population.Records;
        double Share(Func<LabelledRecord, SyntheticPerson, bool> test) =>
            rows.Count(r => test(r, People[r.PersonId])) / (double)rows.Count;

        // Given name written otherwise than registered (nickname, Welsh or English form, typo, middle name...).
        Assert.InRange(Share((r, p) => r.Record.GivenName is { } g && NameNormaliser.GivenNameKey(g) != NameNormaliser.GivenNameKey(p.GivenName)), 0.05, 0.25);
        Assert.InRange(Share((r, p) => r.Record.GivenName is { } g && NameEquivalents.AreEquivalent(g, p.GivenName) && NameNormaliser.GivenNameKey(g) != NameNormaliser.GivenNameKey(p.GivenName)), 0.01, 0.10);
        Assert.InRange(Share((r, p) => r.Record.DateOfBirth is null), 0.01, 0.10);
        Assert.InRange(Share((r, p) => r.Record.DateOfBirth is { } d && d != p.DateOfBirth), 0.02, 0.10);
        Assert.InRange(Share((r, p) => r.Record.DateOfBirth is { } d && d.Year == p.DateOfBirth.Year && d.Day == p.DateOfBirth.Month && d.Month == p.DateOfBirth.Day && d != p.DateOfBirth), 0.002, 0.03);
        Assert.InRange(Share((r, p) => r.Record.Postcode is null), 0.03, 0.20);
        Assert.InRange(Share((r, p) => r.Record.Postcode is { } pc && Postcodes.Normalise(pc) != Postcodes.Normalise(p.Postcodes[0])), 0.03, 0.30);
        Assert.InRange(Share((r, p) => r.Record.FamilyName is { } f && NameNormaliser.FamilyNameKey(f) != NameNormaliser.FamilyNameKey(p.FamilyName)), 0.02, 0.12);
        Assert.InRange(Share((r, p) => r.Record.NhsNumber is not null), 0.15, 0.6);
        Assert.InRange(Share((r, p) => r.Record.UniquePupilNumber is not null), 0.1, 0.5);
        Assert.InRange(Share((r, p) => r.Record.PncId is not null), 0.01, 0.3);
        Assert.True(Share((r, p) => r.Record.NhsNumber is { } n && !PersonIdentifiers.IsValidNhsNumber(n)) > 0, "no mistyped NHS number");
    }

    [Fact]
    public void Generate_DoubleBarrelledNames_WrittenWithHyphenSpaceOrOnePart()
    {
        var rows = Population.Records.Where(r => People[r.PersonId].FamilyName.Contains('-', StringComparison.Ordinal) && r.Record.FamilyName is not null).ToList();

        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Record.FamilyName!.Contains('-', StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Record.FamilyName!.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(rows, r => !r.Record.FamilyName!.Contains('-', StringComparison.Ordinal) && !r.Record.FamilyName.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Names_WelshWithAccentsAndCommonNamesFarMoreFrequent()
    {
        var given = Population.People.Select(p => p.GivenName).ToList();
        Assert.Contains(given, g => g is "Siôn" or "Llŷr" or "Siân");

        var families = Population.People.GroupBy(p => p.FamilyName).ToDictionary(g => g.Key, g => g.Count());
        var tailAverage = SyntheticNames.OtherFamilyNames.Average(name => families.GetValueOrDefault(name));
        Assert.True(families["Jones"] > 10 * tailAverage, $"Jones ({families["Jones"]}) should be far commoner than the average rarer name ({tailAverage:0.0})");
        Assert.Equal("Jones", families.MaxBy(f => f.Value).Key);
    }

    [Fact]
    public void OutsideTableNicknames_AreReallyOutsideTheTable()
    {
        foreach (var (name, nicknames) in SyntheticNames.OutsideTableNicknames)
        {
            Assert.All(nicknames, nickname => Assert.False(NameEquivalents.AreEquivalent(name, nickname), $"{nickname} for {name} is in the table"));
        }
    }

    [Fact]
    public void CsvFields_DateAndSex_WrittenForTheMapping()
    {
        var row = Population.Records.First(r => r.Record.DateOfBirth is not null && r.Record.Sex == Sex.Female);

        var fields = SyntheticReferrals.CsvFields(row);

        Assert.Equal(SyntheticReferrals.CsvColumns.Count, fields.Count);
        Assert.Equal(row.Record.DateOfBirth!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), fields[7]);
        Assert.Equal("F", fields[8]);
        var mapping = ColumnMapping.Parse(SyntheticReferrals.CsvMapping).Bind(SyntheticReferrals.CsvColumns);
        var read = mapping.Read(fields, row.Record.Id, out var problems);
        Assert.Equal(RowProblems.None, problems);
        Assert.Equal(row.Record, read);
    }

    [Fact]
    public void NewIdentifiers_AlwaysPassTheirChecks()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(PersonIdentifiers.IsValidNhsNumber(SyntheticReferrals.NewNhsNumber(random)));
            Assert.True(PersonIdentifiers.IsValidUniquePupilNumber(SyntheticReferrals.NewUniquePupilNumber(random)));
            Assert.True(PersonIdentifiers.IsValidPncId(SyntheticReferrals.NewPncId(random)));
        }
    }

    [Fact]
    public void WriteReferral_KnownChild_ReadsAsTheSameChild()
    {
        var person = Population.People.First(p => p.Relation == SyntheticRelation.None);
        var random = new Random(3);

        var referrals = Enumerable.Range(0, 20).Select(_ => SyntheticReferrals.WriteReferral(person, Guid.NewGuid(), random)).ToList();

        Assert.Contains(referrals, r => r.DateOfBirth == person.DateOfBirth);
        Assert.All(referrals, r => Assert.True(r.FamilyName is null || StringSimilarity.JaroWinkler(NameNormaliser.FamilyNameKey(r.FamilyName), NameNormaliser.FamilyNameKey(person.FamilyName)) > 0.5));
    }
}
