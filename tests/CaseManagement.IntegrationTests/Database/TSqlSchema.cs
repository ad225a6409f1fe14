using System.Globalization;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// The schema that T-SQL scripts build, worked out from parsing them (ScriptDom's T-SQL 2022 parser) without a server:
/// tables, columns (type, nullability, identity), primary keys, foreign keys (with the delete rule) and indexes (with
/// uniqueness and filter), as lines that compare equal when two schemas match. Used to prove, in CI, that the SQL
/// Server migration scripts build what the EF model's own SQL Server script builds (docs/decisions/0042).
/// A statement that changes the schema in a way this reader does not follow is listed in <see cref="Unread"/>, so the
/// check fails rather than passing on a schema it did not see.
/// </summary>
public sealed class TSqlSchema
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _unread = [];

    public IReadOnlyList<string> Unread => _unread;

    public IReadOnlyCollection<string> TableNames => _tables.Values.Select(t => t.Name).ToList();

    /// <summary>Each parse error as "script (line N, column M): message"; empty when every script parses.</summary>
    public static IReadOnlyList<string> ParseErrors(string scriptName, string sql)
    {
        Parse(sql, out var errors);
        return errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{scriptName} (line {e.Line}, column {e.Column}): {e.Message}")).ToList();
    }

    /// <summary>The schema built by running <paramref name="scripts"/> in order on an empty database.</summary>
    public static TSqlSchema Build(IEnumerable<(string Name, string Sql)> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var schema = new TSqlSchema();
        foreach (var (name, sql) in scripts)
        {
            var fragment = Parse(sql, out var errors);
            if (errors.Count > 0)
            {
                schema._unread.Add($"{name} does not parse ({errors.Count} errors)");
                continue;
            }

            var reader = new StatementReader(schema, name);
            fragment.Accept(reader);
        }

        return schema;
    }

    /// <summary>One line per column, key and index, with the tables in <paramref name="except"/> left out.</summary>
    public IReadOnlySet<string> Facts(params string[] except)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in _tables.Values.Where(t => !except.Contains(t.Name, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var column in table.Columns.Values)
            {
                var nullable = column.Nullable && !table.PrimaryKey.Contains(column.Name, StringComparer.OrdinalIgnoreCase);
                facts.Add($"column {table.Name}.{column.Name} {column.Type}{(column.Identity ? " identity" : string.Empty)} {(nullable ? "null" : "not null")}");
            }

            if (table.PrimaryKey.Count > 0)
            {
                facts.Add($"primary key {table.Name}({string.Join(", ", table.PrimaryKey)})");
            }

            foreach (var fk in table.ForeignKeys.Values)
            {
                facts.Add(fk.Fact);
            }

            foreach (var index in table.Indexes.Values)
            {
                facts.Add(index);
            }
        }

        return facts;
    }

    /// <summary>What <paramref name="migrations"/> lack and have beyond <paramref name="model"/>, as readable lines.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlySet<string> migrations, IReadOnlySet<string> model)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(model);
        return model.Except(migrations).Select(f => "missing from the migrations: " + f)
            .Concat(migrations.Except(model).Select(f => "not in the EF model: " + f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    private sealed class Table(string name)
    {
        public string Name { get; set; } = name;

        public Dictionary<string, Column> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> PrimaryKey { get; set; } = [];

        public string? PrimaryKeyName { get; set; }

        public Dictionary<string, ForeignKey> ForeignKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Indexes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Defaults { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed record Column(string Name, string Type, bool Nullable, bool Identity);

    private sealed record ForeignKey(string Fact);

    /// <summary>Follows the statements that shape tables, in the order they appear (also inside IF and BEGIN…END).</summary>
    private sealed class StatementReader(TSqlSchema schema, string script) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            var table = new Table(node.SchemaObjectName.BaseIdentifier.Value);
            schema._tables[table.Name] = table;
            AddElements(table, node.Definition);
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            if (Find(node.SchemaObjectName, node) is { } table)
            {
                AddElements(table, node.Definition);
            }
        }

        public override void ExplicitVisit(AlterTableAlterColumnStatement node)
        {
            if (Find(node.SchemaObjectName, node) is not { } table)
            {
                return;
            }

            var name = node.ColumnIdentifier.Value;
            if (node.DataType is null || !table.Columns.TryGetValue(name, out var column))
            {
                Unreadable(node, $"ALTER COLUMN {name} without a type, or of an unknown column");
                return;
            }

            // Without NULL or NOT NULL, ALTER COLUMN makes the column nullable.
            table.Columns[name] = column with { Type = TypeName(node.DataType), Nullable = node.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull };
        }

        public override void ExplicitVisit(AlterTableDropTableElementStatement node)
        {
            if (Find(node.SchemaObjectName, node) is not { } table)
            {
                return;
            }

            foreach (var element in node.AlterTableDropTableElements)
            {
                var name = element.Name.Value;
                var dropped = element.TableElementType switch
                {
                    TableElementType.Column => table.Columns.Remove(name),
                    TableElementType.Constraint or TableElementType.NotSpecified => DropConstraint(table, name),
                    TableElementType.Index => table.Indexes.Remove(name),
                    _ => false,
                };
                if (!dropped && !element.IsIfExists)
                {
                    Unreadable(node, $"drops {name}, which {table.Name} does not have");
                }
            }
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            if (Find(node.OnName, node) is { } table)
            {
                var columns = node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value);
                table.Indexes[node.Name.Value] = IndexFact(table.Name, node.Name.Value, columns, node.Unique, node.FilterPredicate);
            }
        }

        public override void ExplicitVisit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses)
            {
                if (clause is DropIndexClause drop && Find(drop.Object, node) is { } table)
                {
                    if (!table.Indexes.Remove(drop.Index.Value) && !node.IsIfExists)
                    {
                        Unreadable(node, $"drops index {drop.Index.Value}, which {table.Name} does not have");
                    }
                }
                else if (clause is not DropIndexClause)
                {
                    Unreadable(node, "uses the old DROP INDEX table.index form");
                }
            }
        }

        public override void ExplicitVisit(DropTableStatement node)
        {
            foreach (var name in node.Objects)
            {
                if (!schema._tables.Remove(name.BaseIdentifier.Value) && !node.IsIfExists)
                {
                    Unreadable(node, $"drops table {name.BaseIdentifier.Value}, which does not exist");
                }
            }
        }

        public override void ExplicitVisit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is not ExecutableProcedureReference { ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value: var procedure } reference)
            {
                // EXEC(N'...'): the text is not known until it runs.
                Unreadable(node, "runs dynamic SQL");
                return;
            }

            if (string.Equals(procedure, "sp_rename", StringComparison.OrdinalIgnoreCase))
            {
                Rename(node, reference.Parameters.Select(p => (p.ParameterValue as StringLiteral)?.Value).ToList());
            }
            else if (!procedure.StartsWith("sp_getapplock", StringComparison.OrdinalIgnoreCase) && !procedure.StartsWith("sp_releaseapplock", StringComparison.OrdinalIgnoreCase))
            {
                Unreadable(node, $"runs {procedure}");
            }
        }

        // Every other kind of ALTER TABLE (the kinds above are visited explicitly and never reach this).
        public override void Visit(AlterTableStatement node) => Unreadable(node, "alters a table in a way the offline check does not follow");

        private void Rename(ExecuteStatement node, List<string?> arguments)
        {
            var (from, to, kind) = (arguments.ElementAtOrDefault(0), arguments.ElementAtOrDefault(1), arguments.ElementAtOrDefault(2) ?? "OBJECT");
            var parts = from?.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.') ?? [];
            if (to is null || parts.Length == 0)
            {
                Unreadable(node, "renames with arguments that are not plain strings");
                return;
            }

            if (kind.Equals("COLUMN", StringComparison.OrdinalIgnoreCase) && parts.Length >= 2 && schema._tables.TryGetValue(parts[^2], out var table) && table.Columns.Remove(parts[^1], out var column))
            {
                table.Columns[to] = column with { Name = to };
                table.PrimaryKey = table.PrimaryKey.Select(c => string.Equals(c, parts[^1], StringComparison.OrdinalIgnoreCase) ? to : c).ToList();
                Unreadable(node, $"renames column {parts[^2]}.{parts[^1]}: the offline check keeps the column but not the keys and indexes that name it; recreate them");
            }
            else if (kind.Equals("INDEX", StringComparison.OrdinalIgnoreCase) && parts.Length >= 2 && schema._tables.TryGetValue(parts[^2], out var owner) && owner.Indexes.Remove(parts[^1], out var index))
            {
                owner.Indexes[to] = index.Replace($" {parts[^1]} on ", $" {to} on ", StringComparison.Ordinal);
            }
            else if (kind.Equals("OBJECT", StringComparison.OrdinalIgnoreCase) && schema._tables.Remove(parts[^1], out var renamed))
            {
                renamed.Name = to;
                schema._tables[to] = renamed;
                Unreadable(node, $"renames table {parts[^1]}: the offline check does not rename the keys and indexes that name it");
            }
            else
            {
                Unreadable(node, $"renames {from}, which the offline check cannot find");
            }
        }

        private Table? Find(SchemaObjectName name, TSqlFragment node)
        {
            if (schema._tables.TryGetValue(name.BaseIdentifier.Value, out var table))
            {
                return table;
            }

            Unreadable(node, $"names table {name.BaseIdentifier.Value}, which does not exist at that point");
            return null;
        }

        private void AddElements(Table table, TableDefinition definition)
        {
            foreach (var column in definition.ColumnDefinitions)
            {
                var nullable = column.Constraints.OfType<NullableConstraintDefinition>().FirstOrDefault()?.Nullable ?? true;
                var name = column.ColumnIdentifier.Value;
                table.Columns[name] = new Column(name, TypeName(column.DataType), nullable, column.IdentityOptions is not null);
                if (column.DefaultConstraint?.ConstraintIdentifier is { } defaultName)
                {
                    table.Defaults.Add(defaultName.Value);
                }

                foreach (var constraint in column.Constraints.Where(c => c is not NullableConstraintDefinition))
                {
                    AddConstraint(table, constraint, [name]);
                }
            }

            foreach (var constraint in definition.TableConstraints)
            {
                AddConstraint(table, constraint, []);
            }

            foreach (var index in definition.Indexes)
            {
                table.Indexes[index.Name.Value] = IndexFact(table.Name, index.Name.Value, index.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value), index.Unique, index.FilterPredicate);
            }
        }

        private void AddConstraint(Table table, ConstraintDefinition constraint, IReadOnlyList<string> ofColumn)
        {
            var name = constraint.ConstraintIdentifier?.Value ?? $"(unnamed in {table.Name})";
            switch (constraint)
            {
                case UniqueConstraintDefinition { IsPrimaryKey: true } key:
                    table.PrimaryKey = key.Columns.Count > 0 ? key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList() : [.. ofColumn];
                    table.PrimaryKeyName = name;
                    break;
                case UniqueConstraintDefinition unique:
                    var columns = unique.Columns.Count > 0 ? unique.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList() : [.. ofColumn];
                    table.Indexes[name] = IndexFact(table.Name, name, columns, unique: true, filter: null);
                    break;
                case ForeignKeyConstraintDefinition fk:
                    var from = fk.Columns.Count > 0 ? fk.Columns.Select(c => c.Value).ToList() : [.. ofColumn];
                    var onDelete = fk.DeleteAction switch
                    {
                        DeleteUpdateAction.Cascade => "Cascade",
                        DeleteUpdateAction.SetNull => "SetNull",
                        DeleteUpdateAction.SetDefault => "SetDefault",
                        _ => "NoAction",
                    };
                    table.ForeignKeys[name] = new ForeignKey($"foreign key {table.Name}({string.Join(", ", from)}) -> {fk.ReferenceTableName.BaseIdentifier.Value}({string.Join(", ", fk.ReferencedTableColumns.Select(c => c.Value))}) on delete {onDelete}");
                    break;
                case DefaultConstraintDefinition:
                    table.Defaults.Add(name);
                    break;
                case CheckConstraintDefinition:
                    // A rule the scripts add beside the model, as they add triggers (decision 0099: the waiting table's
                    // actions); kept by name, with the defaults, so that dropping it is followed.
                    table.Defaults.Add(name);
                    break;
                default:
                    Unreadable(constraint, $"adds constraint {name} of a kind the offline check does not follow");
                    break;
            }
        }

        private static bool DropConstraint(Table table, string name)
        {
            if (string.Equals(table.PrimaryKeyName, name, StringComparison.OrdinalIgnoreCase))
            {
                table.PrimaryKey = [];
                table.PrimaryKeyName = null;
                return true;
            }

            return table.ForeignKeys.Remove(name) || table.Indexes.Remove(name) || table.Defaults.Remove(name);
        }

        private static string IndexFact(string table, string name, IEnumerable<string> columns, bool unique, BooleanExpression? filter)
        {
            var where = filter is null ? string.Empty : " where " + Script(filter);
            return $"{(unique ? "unique index" : "index")} {name} on {table}({string.Join(", ", columns)}){where}";
        }

        private static string TypeName(DataTypeReference type)
        {
            var name = type.Name.BaseIdentifier.Value.ToLowerInvariant();
            return type is ParameterizedDataTypeReference { Parameters.Count: > 0 } sized
                ? $"{name}({string.Join(",", sized.Parameters.Select(p => p is MaxLiteral ? "max" : p.Value.ToLowerInvariant()))})"
                : name;
        }

        private static string Script(TSqlFragment fragment)
        {
            new Sql160ScriptGenerator(new SqlScriptGeneratorOptions { KeywordCasing = KeywordCasing.Uppercase }).GenerateScript(fragment, out var text);
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }

        private void Unreadable(TSqlFragment node, string what) =>
            schema._unread.Add(string.Create(CultureInfo.InvariantCulture, $"{script} (line {node.StartLine}): {what}"));
    }
}
