using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Web.Pages.Partials;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Tools.Commands;

/// <summary>
/// <c>dotnet run --project tools/CaseManagement.Tools -- match --input people.csv --map mapping.json --output clusters.csv</c>
/// deduplicates any CSV of people: the mapping (see <see cref="ColumnMapping"/>) says which column holds each field,
/// every row is matched against all the others with the engine and the <c>Matching</c> settings of the app's
/// configuration (its appsettings.json, the environment's file, environment variables, as the running system reads
/// them), rows linked automatically share a cluster, and the output is the input with <c>cluster_id</c> and
/// <c>cluster_size</c> added. Problems with the input (a missing file, a mapping naming a column the CSV lacks, a
/// date format that cannot be used) are printed as one message with exit code 2. Nothing from the rows themselves is
/// printed, only counts and line numbers (the line of the file a row starts on).
/// </summary>
internal static class MatchCommand
{
    public const string Name = "match";

    public const string ClusterIdColumn = "cluster_id";

    public const string ClusterSizeColumn = "cluster_size";

    /// <param name="configuration">The configuration to read the Matching section from; by default the app's.</param>
    public static Command Create(IConfiguration? configuration = null)
    {
        var input = new Option<string>("--input") { Description = "The CSV of people, with a header row naming its columns, separated by commas, semicolons, tabs or bars (the header row shows which).", Required = true, HelpName = "people.csv" };
        var map = new Option<string>("--map") { Description = "The JSON mapping from the engine's fields to the CSV's columns (docs/operations.md).", Required = true, HelpName = "mapping.json" };
        var output = new Option<string>("--output") { Description = "Where to write every input row and column with cluster_id and cluster_size added.", Required = true, HelpName = "clusters.csv" };
        var pairs = new Option<string?>("--pairs") { Description = "Also write every pair scored as a link or for a person to review.", HelpName = "pairs.csv" };
        var truth = new Option<string?>("--truth") { Description = "A column of true labels: prints pairwise precision, recall and F1 against it.", HelpName = "column" };
        var threads = ToolCommands.WholeNumber("--threads", "The most cores to use (all by default).", Environment.ProcessorCount, 1, 1024);
        var app = new Option<string?>("--app") { Description = "The app's folder, whose appsettings.json (and environment's file) set the thresholds; by default the repository's src/CaseManagement.Web, or the current folder when it holds an appsettings.json.", HelpName = "folder" };
        var learn = new Option<bool>("--learn-weights") { Description = "Learn the m and u probabilities of every field from the rows themselves (expectation maximisation over candidate pairs, u from random pairs, as Splink does) however few they are. A batch of 1,000 rows or more does so anyway." };
        var configured = new Option<bool>("--configured-weights") { Description = "Use the configured m and u table even for a batch of 1,000 rows or more, instead of learning it from the rows." };
        var fields = string.Join(Environment.NewLine, ColumnMapping.FieldHelp.Select(f => $"  {f.Field}: {f.Meaning}"));
        var command = new Command(
            Name,
            "Clusters the rows of a CSV of people that are about the same child, with the app's matching engine and settings."
            + $"{Environment.NewLine}{Environment.NewLine}Fields the --map JSON can name (each a CSV column):{Environment.NewLine}{fields}")
        {
            input, map, output, pairs, truth, threads, app, learn, configured,
        };
        command.SetAction((parsed, _) => Task.FromResult(Run(
            new Arguments(parsed.GetRequiredValue(input), parsed.GetRequiredValue(map), parsed.GetRequiredValue(output), parsed.GetValue(pairs), parsed.GetValue(truth), parsed.GetValue(threads), parsed.GetValue(app), parsed.GetValue(learn), parsed.GetValue(configured)),
            parsed.InvocationConfiguration.Output,
            configuration)));
        return command;
    }

    private sealed record Arguments(string Input, string Map, string Output, string? Pairs, string? Truth, int Threads, string? App, bool LearnWeights, bool ConfiguredWeights);

    private static int Run(Arguments arguments, TextWriter output, IConfiguration? configuration)
    {
        try
        {
            var input = CommandFiles.ExistingFile(arguments.Input, "--input");
            var mappingPath = CommandFiles.ExistingFile(arguments.Map, "--map");
            var outputPath = CommandFiles.OutputFile(arguments.Output, "--output");
            var pairsPath = arguments.Pairs is null ? null : CommandFiles.OutputFile(arguments.Pairs, "--pairs");
            var truthColumn = arguments.Truth;
            var threads = arguments.Threads;
            if (string.Equals(outputPath, input, StringComparison.Ordinal))
            {
                throw new CommandException("The output file must not be the input file.");
            }

            var mapping = ColumnMapping.Parse(File.ReadAllText(mappingPath));
            var (settings, options) = ReadSettings(configuration ?? AppConfiguration(CommandFiles.AppFolder(arguments.App, "--app")));

            var total = Stopwatch.StartNew();
            var table = ReadInput(input, mapping, truthColumn);
            var readTime = total.Elapsed;

            var clustering = Stopwatch.StartNew();
            if (arguments.LearnWeights && arguments.ConfiguredWeights)
            {
                throw new CommandException("Give --learn-weights or --configured-weights, not both.");
            }

            var weights = arguments.ConfiguredWeights ? BatchWeights.Configured
                : arguments.LearnWeights ? BatchWeights.Own
                : BatchWeights.OwnFromEnoughRows;
            var (result, learned, learning) = RecordClusterer.ClusterBatch(table.Records, options, weights, threads);
            clustering.Stop();

            var writing = Stopwatch.StartNew();
            var escaped = WriteClusters(outputPath, table, result);
            if (pairsPath is not null)
            {
                escaped += WritePairs(pairsPath, table, result);
            }

            writing.Stop();
            Summarise(output, input, outputPath, pairsPath, settings, table, result, readTime, clustering.Elapsed, learning, writing.Elapsed, total.Elapsed, threads, escaped);
            output.WriteLine(learned is null
                ? string.Create(CultureInfo.InvariantCulture, $"Weights: the configured table{(arguments.ConfiguredWeights ? string.Empty : $" (fewer than {WeightEstimator.SmallestBatchToLearnFrom:N0} rows to learn from; --learn-weights learns anyway)")}.")
                : string.Create(CultureInfo.InvariantCulture, $"Weights learned from these rows: {learned.CandidatePairs:N0} candidate pairs, {learned.RandomPairs:N0} random pairs, {learned.Iterations} rounds; about {learned.MatchShare:P1} of candidate pairs are the same person (--configured-weights uses the configured table)."));
            return 0;
        }
        catch (CommandException ex)
        {
            output.WriteLine(ex.Message);
            return ToolCommands.InputProblem;
        }
        catch (MappingException ex)
        {
            output.WriteLine($"The mapping cannot be used: {ex.Message}");
            return ToolCommands.InputProblem;
        }
        catch (CsvHelperException ex)
        {
            // CsvHelper's own message quotes the row, which may hold personal details: give the line only, counted as
            // every other message counts (the line of the file, the header being line 1).
            var row = ex.Context?.Parser?.RawRow;
            output.WriteLine(row is null
                ? "The input is not a CSV file that can be read."
                : string.Create(CultureInfo.InvariantCulture, $"The input CSV cannot be read at line {row} (check for an unclosed quote)."));
            return ToolCommands.InputProblem;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"A file could not be read or written: {ex.Message}");
            return ToolCommands.InputProblem;
        }
    }

    /// <summary>The app's configuration as the app reads it from its folder (or the copy of its settings built with the tools).</summary>
    private static ConfigurationManager AppConfiguration(string? appFolder) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = appFolder ?? AppContext.BaseDirectory }).Configuration;

    /// <summary>The Matching section as the running system reads it; values that are not numbers, or thresholds the wrong way round, are refused.</summary>
    private static (MatchingSettings Settings, MatchingOptions Options) ReadSettings(IConfiguration configuration)
    {
        try
        {
            var settings = MatchingSettings.From(configuration);
            return (settings, settings.ToOptions());
        }
        catch (InvalidOperationException ex)
        {
            throw new CommandException($"The Matching settings cannot be used: {ex.Message}");
        }
    }

    /// <summary>The separators a CSV may use: spreadsheets in much of Europe write semicolons, other systems tabs or bars.</summary>
    private static readonly (char Separator, string Name)[] Separators = [(',', "commas"), (';', "semicolons"), ('\t', "tabs"), ('|', "bars (|)")];

    /// <summary>
    /// The separator the header row uses most, outside quotes: a comma unless another is used more. Only the header is
    /// read, so a value holding a separator cannot sway it.
    /// </summary>
    private static (char Separator, string Name) SeparatorOf(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine() ?? string.Empty;
        var counts = new int[Separators.Length];
        var quoted = false;
        foreach (var c in header)
        {
            quoted ^= c == '"';
            var at = quoted ? -1 : Array.FindIndex(Separators, s => s.Separator == c);
            if (at >= 0)
            {
                counts[at]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return Separators[best];
    }

    private static InputTable ReadInput(string path, ColumnMapping mapping, string? truthColumn)
    {
        var separator = SeparatorOf(path);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            Delimiter = separator.Separator.ToString(),
        };
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new CommandException($"The input file '{path}' is empty: it needs a header row naming its columns.");
        }

        foreach (var added in new[] { ClusterIdColumn, ClusterSizeColumn })
        {
            if (header.Contains(added, StringComparer.OrdinalIgnoreCase))
            {
                throw new CommandException($"The input already has a column named '{added}', which the output adds; rename or remove it.");
            }
        }

        var bound = mapping.Bind(header);
        var truth = -1;
        if (truthColumn is not null)
        {
            truth = Array.FindIndex(header, h => string.Equals(h.Trim(), truthColumn.Trim(), StringComparison.OrdinalIgnoreCase));
            if (truth < 0)
            {
                throw new CommandException($"The --truth column '{truthColumn}' is not in the CSV.");
            }
        }

        var rows = new List<string[]>();
        var records = new List<PersonRecord>();
        var labels = truth >= 0 ? new List<string>() : null;
        var ids = bound.HasIdColumn ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        var lines = new List<int>();
        var problemCounts = Enum.GetValues<RowProblems>().Where(p => p != RowProblems.None).ToDictionary(p => p, _ => new ProblemCount());
        var emptyRows = 0;
        while (csv.Read())
        {
            var fields = csv.Parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                emptyRows++;
                continue;
            }

            // Every message names a row by its line in the file (the header is line 1; a row that a quoted line break
            // spreads over several lines, by its first), as an editor shows it and as a parse error counts.
            var line = csv.Parser.RawRow - LineBreaks(csv.Parser.RawRecord);
            var record = bound.Read(fields, RowId(rows.Count + 1), out var problems);
            foreach (var (problem, count) in problemCounts)
            {
                if ((problems & problem) != 0)
                {
                    count.Add(line);
                }
            }

            if (ids is not null)
            {
                var id = bound.Id(fields) ?? throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"The row on line {line} has no value in the id column."));
                if (!ids.TryAdd(id, line))
                {
                    throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"The rows on lines {ids[id]} and {line} have the same value in the id column; map no id column to use line numbers."));
                }
            }

            lines.Add(line);

            labels?.Add(truth < fields.Length ? fields[truth].Trim() : string.Empty);
            rows.Add(fields);
            records.Add(record);
        }

        var unused = bound.UnusedColumns(header).Where(c => truth < 0 || !string.Equals(c, header[truth], StringComparison.Ordinal)).ToList();
        return new InputTable(header, rows, lines, records, ids is null ? null : rows.Select(bound.Id).Select(i => i!).ToList(), labels, problemCounts, unused, emptyRows, separator.Separator == ',' ? null : separator.Name);
    }

    /// <summary>The line breaks inside a row as read (quoted ones), not the one that ends it.</summary>
    private static int LineBreaks(string? raw) => raw is null ? 0 : raw.TrimEnd('\r', '\n').Count(c => c == '\n');

    /// <summary>A record id made from the row number, so the clusterer's results map straight back to rows.</summary>
    private static Guid RowId(int rowNumber) => new(rowNumber, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    private static int WriteClusters(string path, InputTable table, ClusteringResult result) =>
        CsvFile.Write(
            path,
            [.. table.Header, ClusterIdColumn, ClusterSizeColumn],
            table.Rows.Select((fields, i) =>
            {
                var cluster = result.ClusterOf[i];
                return Enumerable.Range(0, table.Header.Count)
                    .Select(c => c < fields.Length ? fields[c] : string.Empty)
                    .Append(cluster.ToString(CultureInfo.InvariantCulture))
                    .Append(result.ClusterSizes[cluster - 1].ToString(CultureInfo.InvariantCulture));
            }));

    private static int WritePairs(string path, InputTable table, ClusteringResult result)
    {
        string Row(int index) => table.Lines[index].ToString(CultureInfo.InvariantCulture);
        return CsvFile.Write(
            path,
            ["first_line", "first_id", "second_line", "second_id", "score", "decision", ClusterIdColumn, "reason"],
            result.Pairs.Select(pair => new[]
            {
                Row(pair.First),
                table.Ids?[pair.First] ?? Row(pair.First),
                Row(pair.Second),
                table.Ids?[pair.Second] ?? Row(pair.Second),
                pair.Score.ToString("0.00", CultureInfo.InvariantCulture),
                pair.Decision.ToString(),
                result.ClusterOf[pair.First] == result.ClusterOf[pair.Second]
                    ? result.ClusterOf[pair.First].ToString(CultureInfo.InvariantCulture)
                    : string.Empty,
                pair.Reason ?? string.Empty,
            }));
    }

    private static void Summarise(
        TextWriter output,
        string input,
        string outputPath,
        string? pairsPath,
        MatchingSettings settings,
        InputTable table,
        ClusteringResult result,
        TimeSpan read,
        TimeSpan clustering,
        TimeSpan learning,
        TimeSpan writing,
        TimeSpan total,
        int threads,
        int escaped)
    {
        var cores = threads > 0 ? Math.Min(threads, Environment.ProcessorCount) : Environment.ProcessorCount;
        var joined = result.ClusterSizes.Where(s => s > 1).ToList();
        var links = result.LinkCount;
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        output.WriteLine(Line($"Rows: {table.Rows.Count:N0} from {input}{(table.SeparatedBy is { } separator ? $", its values separated by {separator}" : string.Empty)}."));
        if (table.EmptyRows > 0)
        {
            output.WriteLine(Line($"Empty rows left out of the output: {Rows(table.EmptyRows)}."));
        }

        output.WriteLine(Line($"Clusters: {result.ClusterCount:N0} ({joined.Count:N0} with more than one row, the largest {(joined.Count == 0 ? 1 : joined.Max()):N0} rows)."));
        output.WriteLine(Line($"Thresholds: upper {result.UpperThreshold:0.00}, lower {result.LowerThreshold:0.00} (the configured {settings.UpperThreshold} and {settings.LowerThreshold} at {settings.ReferencePopulation:N0} records, scaled to this batch)."));
        output.WriteLine(Line($"Pairs linked automatically: {links:N0}. Pairs for a person to review: {result.Pairs.Count - links:N0}{(pairsPath is null ? " (list them with --pairs)" : string.Empty)}."));
        output.WriteLine(Line($"Time: {total.TotalSeconds:0.0} s (reading {read.TotalSeconds:0.0} s, matching {clustering.TotalSeconds:0.0} s on {cores} cores{(learning > TimeSpan.Zero ? $", of which learning the weights {learning.TotalSeconds:0.0} s" : string.Empty)}, writing {writing.TotalSeconds:0.0} s)."));
        foreach (var (problem, count) in table.Problems)
        {
            if (count.Count > 0)
            {
                output.WriteLine(Line($"{ProblemText(problem)}: {Rows(count.Count)} (the first on line {count.First})."));
            }
        }

        output.WriteLine(table.UnusedColumns.Count == 0
            ? "Columns not used: none."
            : $"Columns not used ({table.UnusedColumns.Count}): {string.Join(", ", table.UnusedColumns)}.");

        if (table.Labels is { } labels)
        {
            var quality = PairwiseEvaluation.Evaluate(labels, result);
            var c = quality.Clustering;
            output.WriteLine(Line($"Against the --truth column: precision {c.Precision:0.0000}, recall {c.Recall:0.0000}, F1 {c.F1:0.0000} (pairs: {c.TruePairs:N0} true, {c.PredictedPairs:N0} clustered, {c.CorrectPairs:N0} both); automatic links {quality.AutomaticLinks.PredictedPairs:N0}, precision {quality.AutomaticLinks.Precision:0.0000}."));
        }

        if (escaped > 0)
        {
            output.WriteLine(Line($"Fields that a spreadsheet would run as a formula (starting with =, +, -, @), written with a leading ' so that it shows them as text: {escaped:N0}."));
        }

        output.WriteLine($"Wrote {outputPath}{(pairsPath is null ? string.Empty : $" and {pairsPath}")}.");
    }

    private static string Rows(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "row" : "rows")}");

    private static string ProblemText(RowProblems problem) => problem switch
    {
        RowProblems.UnreadableDate => "Dates of birth in none of the mapping's formats, read as missing",
        RowProblems.UnknownSexValue => "Sex values the mapping does not list, read as not known",
        RowProblems.InvalidPostcode => "Postcodes that are neither UK postcodes nor anything to compare as written (no digit, or under three characters), read as missing",
        RowProblems.PostcodeAsWritten => "Postcodes that are not UK postcodes (from abroad, or mistyped out of shape), kept and compared as written",
        RowProblems.InvalidNhsNumber => "NHS numbers failing their length or check digit, read as missing",
        RowProblems.InvalidUpn => "Unique pupil numbers failing their format or check letter, read as missing",
        RowProblems.InvalidPncId => "PNC IDs failing their format or check letter, read as missing",
        RowProblems.InvalidEmail => "E-mail addresses that are not e-mail addresses, read as missing",
        RowProblems.InvalidPhone => "Phone numbers that are neither UK numbers nor seven to fifteen digits, read as missing",
        RowProblems.PhoneAsWritten => "Phone numbers that are not UK numbers (from abroad, or mistyped), kept and their digits compared as written",
        RowProblems.UnlikelyDate => "Dates of birth before 1900 or after today, read as given (check them)",
        RowProblems.ShortRow => "Rows with fewer values than the header has columns, the missing ones read as empty",
        RowProblems.LongRow => "Rows with more values than the header has columns, the extra ones neither read nor written out",
        _ => problem.ToString(),
    };

    /// <summary>How many rows had a problem, and the line of the first of them.</summary>
    private sealed class ProblemCount
    {
        public int Count { get; private set; }

        public int First { get; private set; }

        public void Add(int row)
        {
            if (Count++ == 0)
            {
                First = row;
            }
        }
    }

    private sealed record InputTable(
        IReadOnlyList<string> Header,
        IReadOnlyList<string[]> Rows,
        IReadOnlyList<int> Lines,
        IReadOnlyList<PersonRecord> Records,
        IReadOnlyList<string>? Ids,
        IReadOnlyList<string>? Labels,
        IReadOnlyDictionary<RowProblems, ProblemCount> Problems,
        IReadOnlyList<string> UnusedColumns,
        int EmptyRows,
        string? SeparatedBy);
}
