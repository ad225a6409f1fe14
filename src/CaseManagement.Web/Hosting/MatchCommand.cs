using System.Diagnostics;
using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Matching.Evaluation;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- match --input people.csv --map mapping.json --output clusters.csv</c>
/// deduplicates any CSV of people: the mapping (see <see cref="ColumnMapping"/>) says which column holds each field,
/// every row is matched against all the others with the engine and the <c>Matching</c> settings of the app's
/// configuration (appsettings.json and the environment, as the running system reads them), rows linked
/// automatically share a cluster, and the output is the input with <c>cluster_id</c> and <c>cluster_size</c> added.
/// Options: <c>--pairs pairs.csv</c> writes every pair scored as a link or for review; <c>--truth column</c> compares
/// the clusters with a column of true labels and prints precision, recall and F1; <c>--threads n</c> limits the cores.
/// Problems with the input (a missing file, a mapping naming a column the CSV lacks, a date format that cannot be
/// used) are printed as one message with exit code 2. Nothing from the rows themselves is printed, only counts and
/// row numbers.
/// </summary>
public static class MatchCommand
{
    public const string Verb = "match";

    public const string ClusterIdColumn = "cluster_id";

    public const string ClusterSizeColumn = "cluster_size";

    private const string Usage =
        "Usage: match --input people.csv --map mapping.json --output clusters.csv [--pairs pairs.csv] [--truth column] [--threads n]";

    private static readonly string[] Options = ["--input", "--map", "--output", "--pairs", "--truth", "--threads"];

    /// <summary>Runs with the app's configuration (appsettings.json beside the app, the environment's file, environment variables).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        return Task.FromResult(Run(args, output, builder.Configuration));
    }

    /// <summary>Runs with the given configuration (its <c>Matching</c> section sets the thresholds).</summary>
    public static int Run(string[] args, TextWriter output, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            var arguments = CommandArguments.Parse(args, Options);
            var input = arguments.ExistingFile("--input");
            var mappingPath = arguments.ExistingFile("--map");
            var outputPath = arguments.OutputFile("--output");
            var pairsPath = arguments.OptionalOutputFile("--pairs");
            var truthColumn = arguments.Optional("--truth");
            var threads = arguments.Integer("--threads", -1, 1, 1024);
            if (string.Equals(outputPath, input, StringComparison.Ordinal))
            {
                throw new CommandException("The output file must not be the input file.");
            }

            var mapping = ColumnMapping.Parse(File.ReadAllText(mappingPath));
            var (settings, options) = ReadSettings(configuration);

            var total = Stopwatch.StartNew();
            var table = ReadInput(input, mapping, truthColumn);
            var readTime = total.Elapsed;

            var clustering = Stopwatch.StartNew();
            var result = RecordClusterer.Cluster(table.Records, options, maxDegreeOfParallelism: threads);
            clustering.Stop();

            var writing = Stopwatch.StartNew();
            WriteClusters(outputPath, table, result);
            if (pairsPath is not null)
            {
                WritePairs(pairsPath, table, result);
            }

            writing.Stop();
            Summarise(output, input, outputPath, pairsPath, settings, table, result, readTime, clustering.Elapsed, writing.Elapsed, total.Elapsed, threads);
            return 0;
        }
        catch (CommandException ex)
        {
            output.WriteLine(ex.Message);
            if (ex.ShowUsage)
            {
                output.WriteLine(Usage);
            }

            return 2;
        }
        catch (MappingException ex)
        {
            output.WriteLine($"The mapping cannot be used: {ex.Message}");
            return 2;
        }
        catch (CsvHelperException ex)
        {
            // CsvHelper's own message quotes the row, which may hold personal details: give the row number only.
            var row = ex.Context?.Parser?.Row;
            output.WriteLine(row is null
                ? "The input is not a CSV file that can be read."
                : string.Create(CultureInfo.InvariantCulture, $"The input CSV cannot be read at line {row} (check for an unclosed quote)."));
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"A file could not be read or written: {ex.Message}");
            return 2;
        }
    }

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

    private static InputTable ReadInput(string path, ColumnMapping mapping, string? truthColumn)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false };
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
        var unreadableDates = new ProblemCount();
        var unknownSexes = new ProblemCount();
        while (csv.Read())
        {
            var fields = csv.Parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var rowNumber = rows.Count + 1;
            var record = bound.Read(fields, RowId(rowNumber), out var problems);
            if ((problems & RowProblems.UnreadableDate) != 0)
            {
                unreadableDates.Add(rowNumber);
            }

            if ((problems & RowProblems.UnknownSexValue) != 0)
            {
                unknownSexes.Add(rowNumber);
            }

            if (ids is not null)
            {
                var id = bound.Id(fields) ?? throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"Row {rowNumber} has no value in the id column."));
                if (!ids.TryAdd(id, rowNumber))
                {
                    throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"Rows {ids[id]} and {rowNumber} have the same value in the id column; map no id column to use row numbers."));
                }
            }

            labels?.Add(truth < fields.Length ? fields[truth].Trim() : string.Empty);
            rows.Add(fields);
            records.Add(record);
        }

        return new InputTable(header, rows, records, ids is null ? null : rows.Select(bound.Id).Select(i => i!).ToList(), labels, unreadableDates, unknownSexes);
    }

    /// <summary>A record id made from the row number, so the clusterer's results map straight back to rows.</summary>
    private static Guid RowId(int rowNumber) => new(rowNumber, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    private static void WriteClusters(string path, InputTable table, ClusteringResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in table.Header)
        {
            csv.WriteField(column);
        }

        csv.WriteField(ClusterIdColumn);
        csv.WriteField(ClusterSizeColumn);
        csv.NextRecord();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var fields = table.Rows[i];
            for (var c = 0; c < table.Header.Count; c++)
            {
                csv.WriteField(c < fields.Length ? fields[c] : string.Empty);
            }

            var cluster = result.ClusterOf[i];
            csv.WriteField(cluster.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(result.ClusterSizes[cluster - 1].ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    private static void WritePairs(string path, InputTable table, ClusteringResult result)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in new[] { "first_row", "first_id", "second_row", "second_id", "score", "decision", ClusterIdColumn })
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var pair in result.Pairs)
        {
            csv.WriteField((pair.First + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(table.Ids?[pair.First] ?? (pair.First + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField((pair.Second + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(table.Ids?[pair.Second] ?? (pair.Second + 1).ToString(CultureInfo.InvariantCulture));
            csv.WriteField(pair.Score.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(pair.Decision.ToString());
            csv.WriteField(result.ClusterOf[pair.First] == result.ClusterOf[pair.Second]
                ? result.ClusterOf[pair.First].ToString(CultureInfo.InvariantCulture)
                : string.Empty);
            csv.NextRecord();
        }
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
        TimeSpan writing,
        TimeSpan total,
        int threads)
    {
        var cores = threads > 0 ? Math.Min(threads, Environment.ProcessorCount) : Environment.ProcessorCount;
        var joined = result.ClusterSizes.Where(s => s > 1).ToList();
        var links = result.LinkCount;
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        output.WriteLine(Line($"Rows: {table.Rows.Count:N0} from {input}."));
        output.WriteLine(Line($"Clusters: {result.ClusterCount:N0} ({joined.Count:N0} with more than one row, the largest {(joined.Count == 0 ? 1 : joined.Max()):N0} rows)."));
        output.WriteLine(Line($"Thresholds: upper {result.UpperThreshold:0.00}, lower {result.LowerThreshold:0.00} (the configured {settings.UpperThreshold} and {settings.LowerThreshold} at {settings.ReferencePopulation:N0} records, scaled to this batch)."));
        output.WriteLine(Line($"Pairs linked automatically: {links:N0}. Pairs for a person to review: {result.Pairs.Count - links:N0}{(pairsPath is null ? " (list them with --pairs)" : string.Empty)}."));
        output.WriteLine(Line($"Time: {total.TotalSeconds:0.0} s (reading {read.TotalSeconds:0.0} s, matching {clustering.TotalSeconds:0.0} s on {cores} cores, writing {writing.TotalSeconds:0.0} s)."));
        if (table.UnreadableDates.Count > 0)
        {
            output.WriteLine(Line($"Dates of birth in none of the mapping's formats, read as missing: {table.UnreadableDates.Count:N0} rows (the first is row {table.UnreadableDates.First})."));
        }

        if (table.UnknownSexes.Count > 0)
        {
            output.WriteLine(Line($"Sex values the mapping does not list, read as not known: {table.UnknownSexes.Count:N0} rows (the first is row {table.UnknownSexes.First})."));
        }

        if (table.Labels is { } labels)
        {
            var quality = PairwiseEvaluation.Evaluate(labels, result);
            var c = quality.Clustering;
            output.WriteLine(Line($"Against the --truth column: precision {c.Precision:0.0000}, recall {c.Recall:0.0000}, F1 {c.F1:0.0000} (pairs: {c.TruePairs:N0} true, {c.PredictedPairs:N0} clustered, {c.CorrectPairs:N0} both); automatic links {quality.AutomaticLinks.PredictedPairs:N0}, precision {quality.AutomaticLinks.Precision:0.0000}."));
        }

        output.WriteLine($"Wrote {outputPath}{(pairsPath is null ? string.Empty : $" and {pairsPath}")}.");
    }

    /// <summary>How many rows had a problem, and the first of them.</summary>
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
        IReadOnlyList<PersonRecord> Records,
        IReadOnlyList<string>? Ids,
        IReadOnlyList<string>? Labels,
        ProblemCount UnreadableDates,
        ProblemCount UnknownSexes);
}
