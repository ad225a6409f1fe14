using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// What can be checked of the SQL Server scripts without a SQL Server (docs/decisions/0042): each parses under the
/// T-SQL 2022 parser, together they build the schema of the EF model's own SQL Server script, and every migration
/// the other providers have after the baseline has its T-SQL version. Runs everywhere, CI included.
/// </summary>
public sealed class SqlServerScriptTests
{
    /// <summary>Tables the scripts create that the EF model does not know, each with its reason in the baseline.</summary>
    private static readonly string[] NotInTheModel = ["audit_entries_truncate_guard"];

    private static IReadOnlyList<MigrationScript> Scripts => MigrationScript.Embedded(DatabaseProvider.SqlServer);

    [Fact]
    public void EveryScript_ParsesWithoutErrorsAsTSql2022()
    {
        Assert.NotEmpty(Scripts);

        var errors = Scripts.SelectMany(s => TSqlSchema.ParseErrors(s.Name, s.Sql)).ToList();

        Assert.True(errors.Count == 0, "T-SQL that SQL Server 2022 would refuse:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Scripts_BuildTheSchemaOfTheEfModel()
    {
        var differences = Compare(Scripts);

        Assert.True(differences.Count == 0, "The SQL Server migration scripts differ from the EF model:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void EveryMigrationAfterTheBaseline_HasItsSqlServerScript()
    {
        var missing = MissingTranslations(Scripts, MigrationScript.Embedded(DatabaseProvider.Sqlite).Concat(MigrationScript.Embedded(DatabaseProvider.PostgreSQL)));

        Assert.True(missing.Count == 0, "Migrations with no T-SQL version in db/migrations/sqlserver:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Baseline_KeepsTheAuditTrailAppendOnly()
    {
        var baseline = Assert.Single(Scripts, s => s.IsBaseline);

        Assert.Matches(@"CREATE TRIGGER \[audit_entries_append_only\] ON \[audit_entries\]\s+INSTEAD OF UPDATE, DELETE", baseline.Sql);
        Assert.Contains("REFERENCES [audit_entries] ([Sequence])", baseline.Sql, StringComparison.Ordinal);
        Assert.Equal(Scripts[0], baseline);
    }

    // The checks above must be able to fail: each is shown failing on a script spoilt on purpose.
    [Fact]
    public void Parse_BrokenScript_NamesTheScriptAndTheLine()
    {
        var errors = TSqlSchema.ParseErrors("0099_broken.sql", "CREATE TABLE [probe] (\n    [Id] int NOT NULL,\n    CONSTRAINT [PK_probe] PRIMARY KEY ([Id]\n);\nGO\n");

        Assert.Contains(errors, e => e.StartsWith("0099_broken.sql (line 4, column 2): ", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaComparison_ColumnMissingFromAMigration_IsReported()
    {
        var broken = Scripts.Select(s => s with { Sql = string.Join('\n', s.Sql.Split('\n').Where(line => !line.TrimStart().StartsWith("[Concerns]", StringComparison.Ordinal))) }).ToList();
        Assert.NotEqual(Scripts.Sum(s => s.Sql.Length), broken.Sum(s => s.Sql.Length));

        var differences = Compare(broken);

        Assert.Contains("missing from the migrations: column referrals.Concerns nvarchar(max) not null", differences);
    }

    [Fact]
    public void SchemaComparison_IndexOnlyInAMigration_IsReported()
    {
        var extra = Scripts.Append(new MigrationScript("9999_probe.sql", "CREATE INDEX [IX_referrals_probe] ON [referrals] ([Concerns]);\nGO\n")).ToList();

        var differences = Compare(extra);

        Assert.Equal(["not in the EF model: index IX_referrals_probe on referrals(Concerns)"], differences);
    }

    [Fact]
    public void SchemaComparison_StatementTheCheckCannotFollow_IsReported()
    {
        var dynamic = Scripts.Append(new MigrationScript("9999_probe.sql", "EXEC(N'ALTER TABLE [referrals] DROP COLUMN [Concerns]');\nGO\n")).ToList();

        var differences = Compare(dynamic);

        Assert.Contains("9999_probe.sql (line 1): runs dynamic SQL", differences);
    }

    [Fact]
    public void MigrationAfterTheBaselineWithoutItsTSql_IsReported()
    {
        var others = new[] { new MigrationScript("0019_plan_and_meetings.sql", "-- before the baseline"), new MigrationScript("0021_probe.sql", "SELECT 1;") };

        var missing = MissingTranslations(Scripts, others);

        Assert.Equal(["0021_probe.sql"], missing);
    }

    [Fact]
    public void AlterColumn_TypeAndNullability_AreFollowed()
    {
        var schema = TSqlSchema.Build([("probe", "CREATE TABLE [t] ([a] int NOT NULL, [b] nvarchar(10) NULL);\nGO\nALTER TABLE [t] ALTER COLUMN [b] nvarchar(max) NOT NULL;\nALTER TABLE [t] ALTER COLUMN [a] bigint;\nGO\nALTER TABLE [t] ADD [c] bit NOT NULL CONSTRAINT [DF_t_c] DEFAULT CAST(0 AS bit);\nALTER TABLE [t] DROP CONSTRAINT [DF_t_c];\nGO\n")]);

        Assert.Empty(schema.Unread);
        Assert.Equal(["column t.a bigint null", "column t.b nvarchar(max) not null", "column t.c bit not null"], schema.Facts().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batches_AreSplitOnLinesHoldingOnlyGo()
    {
        var batches = MigrationScript.Batches("CREATE TABLE [t] ([a] int);\r\ngo\r\n-- GO on: not a separator\nCREATE TRIGGER [x] ON [t] AFTER INSERT AS SELECT 1;\n  GO  \n");

        Assert.Equal(["CREATE TABLE [t] ([a] int);\n", "\n-- GO on: not a separator\nCREATE TRIGGER [x] ON [t] AFTER INSERT AS SELECT 1;\n"], batches);
    }

    private static List<string> Compare(IEnumerable<MigrationScript> scripts)
    {
        var migrations = TSqlSchema.Build(scripts.Select(s => (s.Name, s.Sql)));
        var model = TSqlSchema.Build([("the EF model's script", ModelScript())]);
        Assert.Empty(model.Unread);
        return [.. migrations.Unread, .. TSqlSchema.Differences(migrations.Facts(NotInTheModel), model.Facts())];
    }

    /// <summary>What <c>schema-script --provider SqlServer</c> prints: the EF model's CREATE script for SQL Server.</summary>
    private static string ModelScript()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.SqlServer, "Server=localhost");
        using var db = new AppDbContext(options.Options);
        return db.Database.GenerateCreateScript();
    }

    /// <summary>Other providers' migrations numbered after the SQL Server baseline that have no SQL Server script of that number.</summary>
    private static List<string> MissingTranslations(IReadOnlyList<MigrationScript> sqlServer, IEnumerable<MigrationScript> others)
    {
        var baseline = sqlServer.Single(s => s.IsBaseline);
        var translated = sqlServer.Select(s => s.Name[..4]).ToHashSet(StringComparer.Ordinal);
        return others
            .Where(s => string.CompareOrdinal(s.Name[..4], baseline.Name[..4]) > 0 && !translated.Contains(s.Name[..4]))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
