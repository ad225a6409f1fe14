namespace CaseManagement.Application.Outcomes;

/// <summary>A count as a report shows it: its value, or "fewer than <see cref="SmallNumbers.Threshold"/>" when suppressed.</summary>
/// <param name="Value">The true count. Never serialised: a client reads <see cref="Shown"/>, so a hidden count cannot leave through the API (decision 0069).</param>
/// <param name="Suppressed">Whether the count is hidden.</param>
public sealed record ShownCount([property: System.Text.Json.Serialization.JsonIgnore] int Value, bool Suppressed)
{
    /// <summary>What may be published: null when suppressed.</summary>
    public int? Shown => Suppressed ? null : Value;
}

/// <summary>
/// Small-number suppression for figures about groups of children (decision 0048). A count from 1 to
/// <see cref="Threshold"/> - 1 is primary suppressed (zero is shown: it names nobody). Then, so that no suppressed cell
/// can be worked out from a published total by subtraction, a row or column with exactly one suppressed cell has its
/// smallest other cell suppressed too (secondary suppression), until no row or column has exactly one.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    public static ShownCount One(int value) => new(value, value is > 0 and < Threshold);

    /// <summary>Suppresses a table whose row and column totals are published.</summary>
    public static ShownCount[][] Table(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => r.Select(One).ToArray()).ToArray();
        var columns = cells.Length == 0 ? 0 : cells.Max(r => r.Length);
        bool changed;
        do
        {
            changed = false;
            foreach (var row in cells)
            {
                changed |= SuppressASecond(row.Select((_, c) => (Row: row, Column: c)).ToList());
            }

            for (var c = 0; c < columns; c++)
            {
                var column = c;
                changed |= SuppressASecond(cells.Where(r => r.Length > column).Select(r => (Row: r, Column: column)).ToList());
            }
        }
        while (changed);
        return cells;
    }

    private static bool SuppressASecond(List<(ShownCount[] Row, int Column)> line)
    {
        if (line.Count(p => p.Row[p.Column].Suppressed) != 1)
        {
            return false;
        }

        var others = line.Where(p => !p.Row[p.Column].Suppressed).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        // The smallest non-zero cell hides the least; a zero only when nothing else is left.
        var (row, column) = others.OrderBy(p => p.Row[p.Column].Value == 0 ? 1 : 0).ThenBy(p => p.Row[p.Column].Value).First();
        row[column] = row[column] with { Suppressed = true };
        return true;
    }
}
