using System.Globalization;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// The <c>--postcodes abroad</c> variant of the labelled sets (decision 0102): every postcode value, after the
/// generator's corruption, rewritten through a fixed one-to-one map into another country's shape, a five-digit code.
/// Equal values (compared without case or spaces, as any reader would) stay equal; a corrupted value becomes another
/// code, never one slip from its own. The generators are not changed: this is what an outside set from abroad looks
/// like to the engine, with exactly the information the UK postcodes held.
/// </summary>
internal static class AbroadPostcodes
{
    /// <summary>Five digits: room for 90,000 distinct values, more than any set measured here holds.</summary>
    private const int Codes = 90_000;

    /// <summary>Whether <c>--postcodes abroad</c> was asked for.</summary>
    public static bool Requested(string[] args)
    {
        var at = Array.IndexOf(args, "--postcodes");
        return at >= 0 && at + 1 < args.Length && string.Equals(args[at + 1], "abroad", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The rows with each postcode rewritten; the map is made from the set's distinct values in order, so it is the same every run.</summary>
    public static IReadOnlyList<LabelledRecord> Rewrite(IReadOnlyList<LabelledRecord> rows)
    {
        var distinct = rows.Select(r => Key(r.Record.Postcode)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count > Codes)
        {
            throw new InvalidOperationException("More distinct postcodes than five-digit codes.");
        }

        var taken = new HashSet<int>();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in distinct)
        {
            // A stable hash (FNV-1a) to a code, the next free one on a collision: one-to-one, and unrelated to the value's shape.
            var hash = 2166136261u;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 16777619u;
            }

            var code = (int)(hash % Codes);
            while (!taken.Add(code))
            {
                code = (code + 1) % Codes;
            }

            map[value] = (10_000 + code).ToString(CultureInfo.InvariantCulture);
        }

        return [.. rows.Select(r => Key(r.Record.Postcode) is { } key ? r with { Record = r.Record with { Postcode = map[key] } } : r)];
    }

    private static string? Key(string? postcode)
    {
        var key = string.Concat((postcode ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return key.Length == 0 ? null : key;
    }
}
