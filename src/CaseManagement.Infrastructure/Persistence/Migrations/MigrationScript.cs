using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseManagement.Infrastructure.Persistence.Migrations;

/// <summary>One versioned SQL script from db/migrations/&lt;provider&gt;/, such as <c>0001_initial.sql</c>.</summary>
public sealed partial record MigrationScript(string Name, string Sql)
{
    /// <summary>
    /// A baseline (<c>0020_baseline.sql</c>) creates at once the schema that the other providers reach through every
    /// migration up to its number: SQL Server joined the project at 0020 and has no history before it.
    /// </summary>
    public bool IsBaseline => Name.EndsWith("_baseline.sql", StringComparison.Ordinal);

    /// <summary>The T-SQL batches of a script: the text between lines that hold only <c>GO</c>, as sqlcmd and SSMS split it.</summary>
    public static IReadOnlyList<string> Batches(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return GoLine().Split(sql.ReplaceLineEndings("\n")).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
    }

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout on Windows does not count as a change.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static string FolderFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.PostgreSQL => "postgresql",
        DatabaseProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The scripts embedded in this assembly for a provider, in the order of their names.</summary>
    public static IReadOnlyList<MigrationScript> Embedded(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"migrations/{FolderFor(provider)}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new MigrationScript(n[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    [GeneratedRegex(@"^[ \t]*GO[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}

/// <summary>The database cannot be brought up to date safely; the message says why and what to do.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
