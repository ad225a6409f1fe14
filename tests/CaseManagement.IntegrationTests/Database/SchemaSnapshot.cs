using System.Data.Common;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.SqlClient;
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
        options.UseProvider(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.SqlServer => "Server=localhost",
            _ => "Host=localhost",
        });
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
                // SQL Server has no RESTRICT: EF writes no ON DELETE clause, which the server keeps as NO ACTION.
                var onDelete = provider == DatabaseProvider.SqlServer && fk.OnDeleteAction == ReferentialAction.Restrict ? ReferentialAction.NoAction : fk.OnDeleteAction;
                facts.Add(ForeignKeyFact(table.Name, fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name, fk.PrincipalColumns.Select(c => c.Name), onDelete.ToString()));
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
        DbConnection connection = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
            DatabaseProvider.SqlServer => new SqlConnection(connectionString),
            _ => new NpgsqlConnection(connectionString),
        };
        await using (connection)
        {
            await connection.OpenAsync();
            return provider switch
            {
                DatabaseProvider.Sqlite => await ReadSqliteAsync((SqliteConnection)connection),
                DatabaseProvider.SqlServer => await ReadSqlServerAsync((SqlConnection)connection),
                _ => await ReadPostgresAsync((NpgsqlConnection)connection),
            };
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

    /// <summary>Tables the SQL Server scripts add beside the model: the journal, and the guards that refuse TRUNCATE of the audit trail's tables.</summary>
    private const string SqlServerTablesOutsideTheModel = "'schema_migrations', 'audit_entries_truncate_guard', 'audit_entries_set_aside_truncate_guard', 'audit_entries_unsealed_truncate_guard'";

    private static async Task<SchemaSnapshot> ReadSqlServerAsync(SqlConnection connection)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var columns = await QueryAsync(connection, $"""
            SELECT t.name, c.name,
                   CASE WHEN ty.name IN ('nvarchar', 'nchar') THEN ty.name + '(' + CASE WHEN c.max_length = -1 THEN 'max' ELSE CAST(c.max_length / 2 AS varchar(10)) END + ')'
                        WHEN ty.name IN ('varchar', 'char', 'varbinary', 'binary') THEN ty.name + '(' + CASE WHEN c.max_length = -1 THEN 'max' ELSE CAST(c.max_length AS varchar(10)) END + ')'
                        WHEN ty.name IN ('decimal', 'numeric') THEN ty.name + '(' + CAST(c.precision AS varchar(10)) + ',' + CAST(c.scale AS varchar(10)) + ')'
                        ELSE ty.name END,
                   c.is_nullable
            FROM sys.columns c
            JOIN sys.tables t ON t.object_id = c.object_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            WHERE SCHEMA_NAME(t.schema_id) = 'dbo' AND t.name NOT IN ({SqlServerTablesOutsideTheModel})
            """);
        foreach (var c in columns)
        {
            facts.Add(ColumnFact((string)c[0], (string)c[1], (string)c[2], (bool)c[3], DatabaseProvider.SqlServer));
        }

        var indexes = await QueryAsync(connection, $"""
            SELECT t.name, i.name, i.is_primary_key, i.is_unique,
                   STRING_AGG(CAST(col.name AS nvarchar(max)), ', ') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0
            JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
            WHERE SCHEMA_NAME(t.schema_id) = 'dbo' AND t.name NOT IN ({SqlServerTablesOutsideTheModel})
            GROUP BY t.name, i.name, i.is_primary_key, i.is_unique
            """);
        foreach (var index in indexes)
        {
            var indexColumns = ((string)index[4]).Split(", ");
            facts.Add((bool)index[2] ? KeyFact((string)index[0], indexColumns) : IndexFact((string)index[0], (string)index[1], indexColumns, (bool)index[3]));
        }

        var foreignKeys = await QueryAsync(connection, $"""
            SELECT t.name, p.name, fk.delete_referential_action_desc,
                   STRING_AGG(CAST(pc.name AS nvarchar(max)), ', ') WITHIN GROUP (ORDER BY fkc.constraint_column_id),
                   STRING_AGG(CAST(rc.name AS nvarchar(max)), ', ') WITHIN GROUP (ORDER BY fkc.constraint_column_id)
            FROM sys.foreign_keys fk
            JOIN sys.tables t ON t.object_id = fk.parent_object_id
            JOIN sys.tables p ON p.object_id = fk.referenced_object_id
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            WHERE SCHEMA_NAME(t.schema_id) = 'dbo' AND t.name NOT IN ({SqlServerTablesOutsideTheModel})
            GROUP BY fk.object_id, t.name, p.name, fk.delete_referential_action_desc
            """);
        foreach (var fk in foreignKeys)
        {
            var rule = (string)fk[2] switch
            {
                "CASCADE" => nameof(ReferentialAction.Cascade),
                "SET_NULL" => nameof(ReferentialAction.SetNull),
                "SET_DEFAULT" => nameof(ReferentialAction.SetDefault),
                _ => nameof(ReferentialAction.NoAction),
            };
            facts.Add(ForeignKeyFact((string)fk[0], ((string)fk[3]).Split(", "), (string)fk[1], ((string)fk[4]).Split(", "), rule));
        }

        return new SchemaSnapshot(facts);
    }
}
