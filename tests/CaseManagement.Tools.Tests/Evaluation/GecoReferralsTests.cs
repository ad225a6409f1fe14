using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Tools.Tests.Evaluation;

public sealed class GecoReferralsTests
{
    private static readonly GecoPopulation Moderate = GecoReferrals.Generate(new GecoReferralOptions { Count = 5_000, Seed = 42 });
    private static readonly IReadOnlyList<LabelledRecord> Rows = Moderate.Population.Records;
    private static readonly Dictionary<string, SyntheticPerson> People = Moderate.Population.People.ToDictionary(p => p.PersonId);

    [Fact]
    public void Generate_SameSeed_SameRowsCharacterForCharacter()
    {
        var again = GecoReferrals.Generate(new GecoReferralOptions { Count = 5_000, Seed = 42 });

        Assert.Equal(
            Rows.Select((r, i) => GecoReferrals.CsvFields(r, Moderate.Contacts[i])).SelectMany(f => f),
            again.Population.Records.Select((r, i) => GecoReferrals.CsvFields(r, again.Contacts[i])).SelectMany(f => f));
    }

    [Fact]
    public void Generate_Count_ThatManyRowsWithDistinctIdsAndOneContactEach()
    {
        Assert.Equal(5_000, Rows.Count);
        Assert.Equal(5_000, Moderate.Contacts.Count);
        Assert.Equal(5_000, Rows.Select(r => r.Record.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_Originals_OnePerPersonAsDrawn()
    {
        var originals = Rows.Where(IsOriginal).ToList();

        Assert.Equal(Rows.Select(r => r.PersonId).Distinct().Count(), originals.Count);
        Assert.All(originals, r => Assert.Equal(People[r.PersonId].FamilyName, r.Record.FamilyName));
    }

    [Fact]
    public void Generate_DuplicatesPerOriginal_SkewedAndAtMostFive()
    {
        var perPerson = Rows.GroupBy(r => r.PersonId).Select(g => g.Count() - 1).ToList();

        Assert.InRange(perPerson.Max(), 4, 5);
        Assert.InRange(perPerson.Count(d => d == 0) / (double)perPerson.Count, 0.4, 0.6);

        // Zipf: one duplicate is commonest, and each count is rarer than the one before.
        var counts = Enumerable.Range(1, 5).Select(k => perPerson.Count(d => d == k)).ToList();
        for (var k = 1; k < counts.Count; k++)
        {
            Assert.True(counts[k] < counts[k - 1], $"{k + 1} duplicates ({counts[k]}) should be rarer than {k} ({counts[k - 1]})");
        }
    }

    [Fact]
    public void Generate_Duplicates_CarryTheModelsCorruptions()
    {
        var duplicates = Rows.Where(r => !IsOriginal(r)).ToList();

        // Given and family names swapped; day and month swapped; first letters changed (the position is uniform).
        Assert.Contains(duplicates, r => r.Record.GivenName == People[r.PersonId].FamilyName && r.Record.FamilyName == People[r.PersonId].GivenName);
        Assert.Contains(duplicates, r => r.Record.DateOfBirth is { } d && d != People[r.PersonId].DateOfBirth
            && d.Day == People[r.PersonId].DateOfBirth.Month && d.Month == People[r.PersonId].DateOfBirth.Day);
        Assert.Contains(duplicates, r => r.Record.FamilyName is { Length: > 0 } f && char.ToUpperInvariant(f[0]) != People[r.PersonId].FamilyName[0]);

        // Identifiers: some slips fail the check digit (treated as missing), some are another valid number.
        Assert.Contains(duplicates, r => r.Record.NhsNumber is not null && !PersonIdentifiers.IsValidNhsNumber(r.Record.NhsNumber));
        Assert.Contains(duplicates, r => PersonIdentifiers.IsValidNhsNumber(r.Record.NhsNumber) && People[r.PersonId].NhsNumber.Length > 0
            && r.Record.NhsNumber != People[r.PersonId].NhsNumber);

        // Every duplicate differs from its original somewhere (a corrupted attribute may be a contact detail only).
        var originals = Rows.Select((r, i) => (r, i)).Where(x => IsOriginal(x.r)).ToDictionary(x => x.r.PersonId, x => GecoReferrals.CsvFields(x.r, Moderate.Contacts[x.i]).Skip(2).ToList());
        var identical = Rows.Select((r, i) => (r, i))
            .Count(x => !IsOriginal(x.r) && GecoReferrals.CsvFields(x.r, Moderate.Contacts[x.i]).Skip(2).SequenceEqual(originals[x.r.PersonId]));
        Assert.True(identical < duplicates.Count / 20, $"{identical} of {duplicates.Count} duplicates are identical to their original");
    }

    [Fact]
    public void Heavy_CorruptsMoreThanModerate()
    {
        var heavy = GecoReferrals.Generate(GecoReferralOptions.Heavy(5_000, 42)).Population;

        static double ExactNameShare(SyntheticPopulation population)
        {
            var people = population.People.ToDictionary(p => p.PersonId);
            return population.Records.Average(r => r.Record.GivenName == people[r.PersonId].GivenName && r.Record.FamilyName == people[r.PersonId].FamilyName ? 1.0 : 0.0);
        }

        Assert.True(ExactNameShare(heavy) < ExactNameShare(Moderate.Population) - 0.03);
    }

    private static bool IsOriginal(LabelledRecord row) => row.Source == GecoReferrals.OriginalSource;
}
