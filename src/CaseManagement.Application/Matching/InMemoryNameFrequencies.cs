using System.Collections.Frozen;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Name frequencies held in memory: counted from a list of records, or given as published shares.
/// Below a minimum sample the shares say little, so every name is reported as unknown and default weights apply.
/// </summary>
public sealed class InMemoryNameFrequencies : INameFrequencies
{
    /// <summary>The fewest named records from which shares are used.</summary>
    public const int DefaultMinimumSampleSize = 100;

    private readonly FrozenDictionary<string, double> _familyNames;
    private readonly FrozenDictionary<string, double> _givenNames;

    /// <summary>Shares given directly, keyed by names as written (they are normalised here); shares of names that normalise alike are added.</summary>
    public InMemoryNameFrequencies(IReadOnlyDictionary<string, double> familyNames, IReadOnlyDictionary<string, double> givenNames)
    {
        _familyNames = Normalise(familyNames, NameNormaliser.FamilyNameKey);
        _givenNames = Normalise(givenNames, NameNormaliser.GivenNameKey);
    }

    /// <summary>How many distinct family names have a share.</summary>
    public int FamilyNameCount => _familyNames.Count;

    /// <summary>Counts the names of the records; each share is the name's count over the records that have such a name.</summary>
    public static InMemoryNameFrequencies FromRecords(IEnumerable<PersonRecord> records, int minimumSampleSize = DefaultMinimumSampleSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        var family = new Dictionary<string, double>(StringComparer.Ordinal);
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        var familyTotal = 0;
        var givenTotal = 0;
        foreach (var record in records)
        {
            var familyKey = NameNormaliser.FamilyNameKey(record.FamilyName);
            if (familyKey.Length > 0)
            {
                family[familyKey] = family.GetValueOrDefault(familyKey) + 1;
                familyTotal++;
            }

            var givenKey = NameNormaliser.GivenNameKey(record.GivenName);
            if (givenKey.Length > 0)
            {
                given[givenKey] = given.GetValueOrDefault(givenKey) + 1;
                givenTotal++;
            }
        }

        return new InMemoryNameFrequencies(
            Shares(family, familyTotal, minimumSampleSize),
            Shares(given, givenTotal, minimumSampleSize));
    }

    /// <inheritdoc />
    public double? FamilyName(string familyNameKey) =>
        _familyNames.TryGetValue(familyNameKey, out var share) ? share : null;

    /// <inheritdoc />
    public double? GivenName(string givenNameKey) =>
        _givenNames.TryGetValue(givenNameKey, out var share) ? share : null;

    private static Dictionary<string, double> Shares(Dictionary<string, double> counts, int total, int minimumSampleSize) =>
        total < minimumSampleSize
            ? []
            : counts.ToDictionary(c => c.Key, c => c.Value / total, StringComparer.Ordinal);

    private static FrozenDictionary<string, double> Normalise(IReadOnlyDictionary<string, double> shares, Func<string?, string> key)
    {
        var normalised = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, share) in shares)
        {
            var k = key(name);
            if (k.Length > 0 && share > 0)
            {
                normalised[k] = normalised.GetValueOrDefault(k) + share;
            }
        }

        return normalised.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
