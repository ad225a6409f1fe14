using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Tools.Commands;

/// <summary>
/// <c>dotnet run --project tools/CaseManagement.Tools -- generate-people --count 10000 --seed 42 --output people.csv
/// [--mapping mapping.json]</c> writes labelled synthetic referral rows (fictional children, see
/// <see cref="SyntheticReferrals"/>) as CSV, for trying and measuring the <c>match</c> command. With <c>--mapping</c>
/// it also writes the mapping file that reads that CSV.
/// </summary>
internal static class GeneratePeopleCommand
{
    public const string Name = "generate-people";

    public static Command Create()
    {
        var count = ToolCommands.WholeNumber("--count", "How many referral rows to write (rows, not children).", 10_000, 1, 10_000_000);
        var seed = ToolCommands.WholeNumber("--seed", "The same seed gives the same file on any machine.", 42, int.MinValue, int.MaxValue);
        var output = new Option<string>("--output") { Description = "Where to write the rows.", Required = true, HelpName = "people.csv" };
        var mapping = new Option<string?>("--mapping") { Description = "Also write the mapping that reads the rows, for match --map.", HelpName = "mapping.json" };
        var command = new Command(Name, "Writes labelled referral rows about fictional children aged 8 to 17 in Wales, for trying and measuring match.")
        {
            count, seed, output, mapping,
        };
        command.SetAction(parsed => Run(parsed.GetValue(count), parsed.GetValue(seed), parsed.GetRequiredValue(output), parsed.GetValue(mapping), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(int count, int seed, string output, string? mapping, TextWriter console)
    {
        try
        {
            var path = CommandFiles.OutputFile(output, "--output");
            var mappingPath = mapping is null ? null : CommandFiles.OutputFile(mapping, "--mapping");

            var clock = Stopwatch.StartNew();
            var population = SyntheticReferrals.Generate(count, seed);
            Write(population.Records, path);
            if (mappingPath is not null)
            {
                File.WriteAllText(mappingPath, SyntheticReferrals.CsvMapping + Environment.NewLine, new UTF8Encoding(false));
            }

            var children = population.Records.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count();
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {population.Records.Count:N0} referral rows about {children:N0} fictional children (seed {seed}) to {path} in {clock.Elapsed.TotalSeconds:0.0} s."));
            if (mappingPath is not null)
            {
                console.WriteLine($"Wrote the mapping for it to {mappingPath}.");
            }

            return 0;
        }
        catch (CommandException ex)
        {
            console.WriteLine(ex.Message);
            return ToolCommands.InputProblem;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.WriteLine($"Could not write the file: {ex.Message}");
            return ToolCommands.InputProblem;
        }
    }

    /// <summary>Writes the rows through the one CSV writer.</summary>
    private static void Write(IEnumerable<LabelledRecord> rows, string path) =>
        CsvFile.Write(path, SyntheticReferrals.CsvColumns, rows.Select(SyntheticReferrals.CsvFields));
}
