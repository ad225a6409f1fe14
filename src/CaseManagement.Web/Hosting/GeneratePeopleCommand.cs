using System.Diagnostics;
using System.Globalization;
using System.Text;
using CaseManagement.Application.Matching.Evaluation;
using CsvHelper;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- generate-people --count 10000 --seed 42 --output people.csv
/// [--mapping mapping.json]</c> writes labelled synthetic referral rows (fictional children, see
/// <see cref="SyntheticReferrals"/>) as UTF-8 CSV, for trying and measuring the <c>match</c> command. With
/// <c>--mapping</c> it also writes the mapping file that reads that CSV.
/// </summary>
public static class GeneratePeopleCommand
{
    public const string Verb = "generate-people";

    private const string Usage = "Usage: generate-people --count 10000 --seed 42 --output people.csv [--mapping mapping.json]";

    private static readonly string[] Options = ["--count", "--seed", "--output", "--mapping"];

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            var arguments = CommandArguments.Parse(args, Options);
            var count = arguments.Integer("--count", 10_000, 1, 10_000_000);
            var seed = arguments.Integer("--seed", 42, int.MinValue, int.MaxValue);
            var path = arguments.OutputFile("--output");
            var mappingPath = arguments.OptionalOutputFile("--mapping");

            var clock = Stopwatch.StartNew();
            var population = SyntheticReferrals.Generate(count, seed);
            Write(population.Records, path);
            if (mappingPath is not null)
            {
                File.WriteAllText(mappingPath, SyntheticReferrals.CsvMapping + Environment.NewLine, new UTF8Encoding(false));
            }

            var children = population.Records.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {population.Records.Count:N0} referral rows about {children:N0} fictional children (seed {seed}) to {path} in {clock.Elapsed.TotalSeconds:0.0} s."));
            if (mappingPath is not null)
            {
                output.WriteLine($"Wrote the mapping for it to {mappingPath}.");
            }

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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"Could not write the file: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Writes the rows as CSV, UTF-8 with a byte order mark (so spreadsheet programs show Siôn and Llŷr correctly).</summary>
    public static void Write(IEnumerable<LabelledRecord> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in SyntheticReferrals.CsvColumns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in SyntheticReferrals.CsvFields(row))
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }
    }
}
