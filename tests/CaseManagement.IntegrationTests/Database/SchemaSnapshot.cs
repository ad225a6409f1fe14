using System.Data.Common;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// The shape of a schema, as lines that compare equal when two schemas match: one line per column (type, nullability),
/// primary key, foreign key (with its delete rule) and index (with uniqueness). Built from the EF model, or read back
/// from a real database, so a test can prove that the migration scripts create exactly what the model expects.
/// </summary>
public sealed record SchemaSnapshot(IReadOnlySet<string> Facts)
{
    public static SchemaSnapshot FromModel(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
        using var db = new AppDbContext(options.Options);
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                facts.Add(ColumnFact(table.Name, column.Name, column.StoreType, column.IsNullable, provider));
            }

            if (table.PrimaryKey is { } key)
            {
                facts.Add(KeyFact(table.Name, key.Columns.Select(c => c.Name)));
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                facts.Add(ForeignKeyFact(table.Name, fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name, fk.PrincipalColumns.Select(c => c.Name), fk.OnDeleteAction.ToString()));
            }

            foreach (var index in table.Indexes)
            {
                facts.Add(IndexFact(table.Name, index.Name, index.Columns.Select(c => c.Name), index.IsUnique));
            }
        }

        return new SchemaSnapshot(facts);
    }

    public static async Task<SchemaSnapshot> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            return provider == DatabaseProvider.Sqlite
                ? await ReadSqliteAsync((SqliteConnection)connection)
                : await ReadPostgresAsync((NpgsqlConnection)connection);
        }
    }

    /// <summary>What the database lacks and what it has that the model does not, as readable lines.</summary>
    public IReadOnlyList<string> DifferencesFrom(SchemaSnapshot expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return expected.Facts.Except(Facts).Select(f => "missing from the database: " + f)
            .Concat(Facts.Except(expected.Facts).Select(f => "not in the EF model: " + f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string ColumnFact(string table, string column, string type, bool nullable, DatabaseProvider provider) =>
        $"column {table}.{column} {(provider == DatabaseProvider.Sqlite ? type.ToUpperInvariant() : type.ToLowerInvariant())} {(nullable ? "null" : "not null")}";

    private static string KeyFact(string table, IEnumerable<string> columns) => $"primary key {table}({string.Join(", ", columns)})";

    private static string ForeignKeyFact(string table, IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns, string onDelete) =>
        $"foreign key {table}({string.Join(", ", columns)}) -> {principal}({string.Join(", ", principalColumns)}) on delete {onDelete}";

    private static string IndexFact(string table, string name, IEnumerable<string> columns, bool unique) =>
        $"{(unique ? "unique index" : "index")} {name} on {table}({string.Join(", ", columns)})";

    private static string SqliteDeleteRule(string rule) => rule.ToUpperInvariant() switch
    {
        "CASCADE" => nameof(ReferentialAction.Cascade),
        "RESTRICT" => nameof(ReferentialAction.Restrict),
        "SET NULL" => nameof(ReferentialAction.SetNull),
        "SET DEFAULT" => nameof(ReferentialAction.SetDefault),
        _ => nameof(ReferentialAction.NoAction),
    };

    private static string PostgresDeleteRule(char rule) => rule switch
    {
        'c' => nameof(ReferentialAction.Cascade),
        'r' => nameof(ReferentialAction.Restrict),
        'n' => nameof(ReferentialAction.SetNull),
        'd' => nameof(ReferentialAction.SetDefault),
        _ => nameof(ReferentialAction.NoAction),
    };

    private static async Task<List<object[]>> QueryAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<SchemaSnapshot> ReadSqliteAsync(SqliteConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> @journal", ("@journal", MigrationRunner.JournalTable));
        foreach (var table in tables.Select(t => (string)t[0]))
        {
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')");
            foreach (var c in columns)
            {
                facts.Add(ColumnFact(table, (string)c[0], (string)c[1], (long)c[2] == 0, DatabaseProvider.Sqlite));
            }

            var key = columns.Where(c => (long)c[3] > 0).OrderBy(c => (long)c[3]).Select(c => (string)c[0]).ToList();
            if (key.Count > 0)
            {
                facts.Add(KeyFact(table, key));
            }

            var foreignKeys = await QueryAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq");
            foreach (var fk in foreignKeys.GroupBy(f => (long)f[0]))
            {
                var first = fk.First();
                facts.Add(ForeignKeyFact(table, fk.Select(f => (string)f[3]), (string)first[2], fk.Select(f => (string)f[4]), SqliteDeleteRule((string)first[5])));
            }

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'");
            foreach (var index in indexes)
            {
                var name = (string)index[0];
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno");
                facts.Add(IndexFact(table, name, indexColumns.Select(c => (string)c[0]), (long)index[1] == 1));
            }
        }

        return new SchemaSnapshot(facts);
    }

    private static async Task<SchemaSnapshot> ReadPostgresAsync(NpgsqlConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var columns = await QueryAsync(connection, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> @journal
            """, ("@journal", MigrationRunner.JournalTable));
        foreach (var c in columns)
        {
            facts.Add(ColumnFact((string)c[0], (string)c[1], (string)c[2], !(bool)c[3], DatabaseProvider.PostgreSQL));
        }

        var constraints = await QueryAsync(connection, """
            SELECT t.relname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   coalesce(p.relname, ''),
                   ARRAY(SELECT a.attname FROM unnest(coalesce(con.confkey, '{}'::smallint[])) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   con.confdeltype::text
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class p ON p.oid = con.confrelid
            WHERE n.nspname = 'public' AND con.contype IN ('p', 'f') AND t.relname <> @journal
            """, ("@journal", MigrationRunner.JournalTable));
        foreach (var c in constraints)
        {
            var table = (string)c[0];
            var kind = c[1] is char ch ? ch : ((string)c[1])[0];
            facts.Add(kind == 'p'
                ? KeyFact(table, (string[])c[2])
                : ForeignKeyFact(table, (string[])c[2], (string)c[3], (string[])c[4], PostgresDeleteRule(((string)c[5])[0])));
        }

        var indexes = await QueryAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique,
                   ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> @journal
            """, ("@journal", MigrationRunner.JournalTable));
        foreach (var index in indexes)
        {
            facts.Add(IndexFact((string)index[0], (string)index[1], (string[])index[3], (bool)index[2]));
        }

        return new SchemaSnapshot(facts);
    }
}
