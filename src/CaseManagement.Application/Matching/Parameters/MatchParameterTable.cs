using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseManagement.Application.Matching.Parameters;

/// <summary>One field level's learned m and u, and the weight they give, as the matching page shows them.</summary>
/// <param name="Field">The field.</param>
/// <param name="Level">The agreement level.</param>
/// <param name="M">Its share among pairs that are the same child.</param>
/// <param name="U">Its share among pairs that are different children.</param>
public sealed record LevelWeight(MatchField Field, AgreementLevel Level, double M, double U)
{
    /// <summary>log2(m/u).</summary>
    public double Weight => Math.Log2(M / U);
}

/// <summary>
/// A stored parameter set's table: the JSON of every field level's m and u (field name → level name → M and U), read
/// back over the configured table so a level a set does not name keeps its configured value.
/// </summary>
public static class MatchParameterTable
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = options.Probabilities.ToDictionary(f => f.Key, f => f.Value.ToDictionary(l => l.Key, l => l.Value));
        return JsonSerializer.Serialize(table, Json);
    }

    /// <summary>The options with the stored table's m and u in place of the configured ones (thresholds unchanged).</summary>
    public static MatchingOptions Apply(MatchingOptions options, string json)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stored = JsonSerializer.Deserialize<Dictionary<MatchField, Dictionary<AgreementLevel, LevelProbabilities>>>(json, Json) ?? [];
        var table = new Dictionary<MatchField, IReadOnlyDictionary<AgreementLevel, LevelProbabilities>>();
        foreach (var (field, levels) in options.Probabilities)
        {
            var merged = levels.ToDictionary(l => l.Key, l => l.Value);
            if (stored.TryGetValue(field, out var learned))
            {
                foreach (var (level, probabilities) in learned.Where(l => merged.ContainsKey(l.Key) && l.Value.M > 0 && l.Value.U > 0))
                {
                    merged[level] = probabilities;
                }
            }

            table[field] = merged.ToFrozenDictionary();
        }

        return options with { Probabilities = table.ToFrozenDictionary() };
    }

    /// <summary>Every field level of the options, in the order the engine's fields and levels are listed.</summary>
    public static IReadOnlyList<LevelWeight> Levels(MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. MatchingOptions.LevelsFor.OrderBy(f => f.Key).SelectMany(f => f.Value.Select(level => (f.Key, level)))
            .Where(x => options.Probabilities.TryGetValue(x.Key, out var levels) && levels.ContainsKey(x.level))
            .Select(x => new LevelWeight(x.Key, x.level, options.Probabilities[x.Key][x.level].M, options.Probabilities[x.Key][x.level].U))];
    }
}
