using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// What can be checked of the SQL Server scripts without a SQL Server (docs/decisions/0042): each parses under the
/// T-SQL 2022 parser, together they build the schema of the EF model's own SQL Server script, and every migration
/// the other providers have after the baseline has its T-SQL version. Runs everywhere, CI included.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    /// <summary>Tables the scripts create that the EF model does not know, each with its reason in its script (the baseline, 0044).</summary>
    private static readonly string[] NotInTheModel = ["audit_entries_truncate_guard", "audit_entries_set_aside_truncate_guard", "audit_entries_unsealed_truncate_guard"];

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
    public void Scripts_LeaveNoTableReachedByTwoCascadingPaths()
    {
        var problems = CascadeProblems(TSqlSchema.Build(Scripts.Select(s => (s.Name, s.Sql))).Facts());

        Assert.True(problems.Count == 0, "Foreign keys SQL Server refuses (error 1785: cycles or multiple cascade paths):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Baseline_KeepsTheAuditTrailAppendOnly()
    {
        var baseline = Assert.Single(Scripts, s => s.IsBaseline);

        Assert.Matches(@"CREATE TRIGGER \[audit_entries_append_only\] ON \[audit_entries\]\s+INSTEAD OF UPDATE, DELETE", baseline.Sql);
        Assert.Contains("REFERENCES [audit_entries] ([Sequence])", baseline.Sql, StringComparison.Ordinal);
        Assert.Equal(Scripts[0], baseline);
    }

    [Fact]
    public void SetAsideAndWaitingTables_RefuseTruncateThroughAForeignKey()
    {
        var sql = string.Concat(Scripts.Select(s => s.Sql));

        // TRUNCATE TABLE is refused on a table a foreign key refers to (decision 0099).
        Assert.Contains("REFERENCES [audit_entries_set_aside] ([Id])", sql, StringComparison.Ordinal);
        Assert.Contains("REFERENCES [audit_entries_unsealed] ([Id])", sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sealer removes the rows it sealed by their ids under the chain's lock (decision 0085): on SQL Server that must be
    /// a seek on the waiting table's clustered key, never a scan that would wait on a save's row not yet committed, so the
    /// ids go as a list of parameters (EF Core 10's default), not OPENJSON, whose row count the optimiser cannot see (0099).
    /// </summary>
    [Fact]
    public void SealersRemovalByIds_IsAnInListOfParameters_OnTheWaitingTablesKey()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.SqlServer, "Server=localhost");
        using var db = new AppDbContext(options.Options);
        var ids = new List<long> { 3, 5, 8 };

        var sql = db.UnsealedAudit.Where(e => ids.Contains(e.Id)).ToQueryString();

        Assert.Matches(@"WHERE \[\w+\]\.\[Id\] IN \(@\w+(, @\w+){2,}\)", sql);
        Assert.DoesNotContain("OPENJSON", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"CONSTRAINT \[PK_audit_entries_unsealed\] PRIMARY KEY \(\[Id\]\)", Assert.Single(Scripts, s => s.Name.StartsWith("0042_", StringComparison.Ordinal)).Sql);
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
    public void CascadeCheck_TwoCascadingPathsToOneTable_IsReported()
    {
        var schema = TSqlSchema.Build([("probe", """
            CREATE TABLE [p] ([Id] int NOT NULL PRIMARY KEY);
            CREATE TABLE [a] ([Id] int NOT NULL PRIMARY KEY, [PId] int NOT NULL CONSTRAINT [FK_a_p] FOREIGN KEY REFERENCES [p] ([Id]) ON DELETE CASCADE);
            CREATE TABLE [b] ([Id] int NOT NULL PRIMARY KEY, [PId] int NULL CONSTRAINT [FK_b_p] FOREIGN KEY REFERENCES [p] ([Id]) ON DELETE SET NULL);
            CREATE TABLE [c] ([Id] int NOT NULL PRIMARY KEY, [AId] int NOT NULL, [BId] int NOT NULL,
                CONSTRAINT [FK_c_a] FOREIGN KEY ([AId]) REFERENCES [a] ([Id]) ON DELETE CASCADE,
                CONSTRAINT [FK_c_b] FOREIGN KEY ([BId]) REFERENCES [b] ([Id]) ON DELETE CASCADE);
            GO
            """)]);

        Assert.Equal(["c is reached from p by 2 cascading paths"], CascadeProblems(schema.Facts()));
    }

    [Fact]
    public void MigrationAfterTheBaselineWithoutItsTSql_IsReported()
    {
        // A number no migration will take: the probe must stay untranslated as the real scripts arrive.
        var others = new[] { new MigrationScript("0019_plan_and_meetings.sql", "-- before the baseline"), new MigrationScript("9998_probe.sql", "SELECT 1;") };

        var missing = MissingTranslations(Scripts, others);

        Assert.Equal(["9998_probe.sql"], missing);
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

    /// <summary>
    /// SQL Server refuses a foreign key with a cascading delete (CASCADE, SET NULL, SET DEFAULT) that would reach a
    /// table a second way, or come back round to where it started; PostgreSQL and SQLite allow both.
    /// </summary>
    private static List<string> CascadeProblems(IEnumerable<string> facts)
    {
        var edges = facts.Select(f => CascadingForeignKey().Match(f)).Where(m => m.Success)
            .GroupBy(m => m.Groups["principal"].Value, m => m.Groups["dependent"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var root in edges.Keys)
        {
            var reached = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var path = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root };
            void Walk(string table)
            {
                foreach (var dependent in edges.GetValueOrDefault(table, []))
                {
                    if (!path.Add(dependent))
                    {
                        problems.Add($"{dependent} cascades back round to itself through {table}");
                        continue;
                    }

                    reached[dependent] = reached.GetValueOrDefault(dependent) + 1;
                    Walk(dependent);
                    path.Remove(dependent);
                }
            }

            Walk(root);
            problems.AddRange(reached.Where(r => r.Value > 1).Select(r => $"{r.Key} is reached from {root} by {r.Value} cascading paths"));
        }

        return problems.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^foreign key (?<dependent>\w+)\(.*\) -> (?<principal>\w+)\(.*\) on delete (Cascade|SetNull|SetDefault)$")]
    private static partial Regex CascadingForeignKey();

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
