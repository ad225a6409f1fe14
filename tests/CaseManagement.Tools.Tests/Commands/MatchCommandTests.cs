using System.Diagnostics;
using System.Globalization;
using CaseManagement.Tools.Evaluation;
using CsvHelper;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Tools.Tests.Commands;

/// <summary>
/// The <c>match</c> and <c>generate-people</c> commands end to end, on files: an export whose column names the code has
/// never seen ("Forename", "Surname", "D.O.B." in yyyy-MM-dd) with its mapping file (both beside this class), and
/// generated labelled rows.
/// </summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-match-").FullName;

    private static string Export => TestData("referrals-export.csv");

    private static string ExportMapping => TestData("referrals-export.mapping.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string TestData(string file) => Path.Combine(RepositoryRoot.Path, "tests", "CaseManagement.Tools.Tests", "Commands", file);

    /// <summary>The app's own appsettings.json (its Matching section), with any overrides.</summary>
    private static IConfiguration AppConfiguration(Dictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "CaseManagement.Web", "appsettings.json"))
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }

        return rows;
    }

    private string InFolder(string file) => Path.Combine(_folder, file);

    private static (int ExitCode, string Output) Match(params string[] args) => Match(AppConfiguration(), args);

    private static (int ExitCode, string Output) Match(IConfiguration configuration, params string[] args) =>
        Run(configuration, ["match", .. args]);

    private static (int ExitCode, string Output) Run(IConfiguration configuration, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = ToolCommands.RunAsync(args, output, configuration).GetAwaiter().GetResult();
        return (exitCode, output.ToString());
    }

    [Fact]
    public void Match_ExportWithUnfamiliarColumns_EveryRowKeptWithItsCluster()
    {
        var clusters = InFolder("clusters.csv");

        var (exitCode, output) = Match("--input", Export, "--map", ExportMapping, "--output", clusters);

        Assert.Equal(0, exitCode);
        var input = ReadCsv(Export);
        var written = ReadCsv(clusters);
        Assert.Equal([.. input[0], "cluster_id", "cluster_size"], written[0]);
        Assert.Equal(input.Count, written.Count);
        for (var i = 1; i < input.Count; i++)
        {
            Assert.Equal(input[i], written[i][..input[i].Length]);
        }

        // Dafydd, Dai and Prichard are one child; Ffion twice (once with her NHS number); her twin Cerys and brother Rhys
        // apart; Siôn Hughes-Parry is John Hughes Parry; Megan alone.
        Assert.Equal(["1", "1", "1", "2", "3", "2", "4", "4", "5", "6"], written.Skip(1).Select(r => r[^2]));
        Assert.Equal(["3", "3", "3", "2", "1", "2", "2", "2", "1", "1"], written.Skip(1).Select(r => r[^1]));
        Assert.Contains("Rows: 10 ", output, StringComparison.Ordinal);
        Assert.Contains("Clusters: 6 (3 with more than one row, the largest 3 rows)", output, StringComparison.Ordinal);
        Assert.Contains("Thresholds: upper 21.36, lower 5.36 (the configured 28 and 12 at 1,000,000 records, scaled to this batch).", output, StringComparison.Ordinal);
        Assert.Contains("Pairs linked automatically: 5.", output, StringComparison.Ordinal);
        Assert.Contains("read as missing: 1 row (the first on line 11)", output, StringComparison.Ordinal);
        Assert.Contains("read as not known: 1 row (the first on line 4)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_Summary_HoldsNoPersonalDetails()
    {
        var (exitCode, output) = Match("--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(0, exitCode);
        foreach (var detail in new[] { "Dafydd", "Pritchard", "Ffion", "Jones", "2012", "CF37", "943" })
        {
            Assert.DoesNotContain(detail, output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Match_PairsOption_EachLinkAndReviewByTheIdColumn()
    {
        var pairs = InFolder("pairs.csv");

        var (exitCode, _) = Match("--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"), "--pairs", pairs);

        Assert.Equal(0, exitCode);
        var rows = ReadCsv(pairs);
        Assert.Equal(["first_line", "first_id", "second_line", "second_id", "score", "decision", "cluster_id", "reason"], rows[0]);
        Assert.Contains(rows, r => r[1] == "A-101" && r[3] == "A-102" && r[5] == "Link" && r[6] == "1");
        Assert.Contains(rows, r => r[1] == "A-107" && r[3] == "A-108" && r[5] == "Link");
        // Twin sisters at one address: listed for a person to decide (decision 0077), never linked.
        Assert.Contains(rows, r => r[1] == "A-104" && r[3] == "A-105" && r[5] == "Review");
    }

    [Fact]
    public void Match_ThresholdFromConfiguration_Used()
    {
        var strict = AppConfiguration(new() { ["Matching:UpperThreshold"] = "60" });

        var (exitCode, output) = Match(strict, "--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Clusters: 10 ", output, StringComparison.Ordinal);
        Assert.Contains("Thresholds: upper 53.36, lower 5.36 (the configured 60 and 12", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ReferencePopulationFromConfiguration_ThresholdsUnscaled()
    {
        // A reference no larger than the smallest batch scaled: the thresholds are used as configured.
        var unscaled = AppConfiguration(new() { ["Matching:ReferencePopulation"] = "10000" });

        var (exitCode, output) = Match(unscaled, "--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Thresholds: upper 28.00, lower 12.00 (the configured 28 and 12 at 10,000 records", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratePeopleThenMatch_WithTruth_PrintsPrecisionRecallAndF1()
    {
        var (people, mapping, generated) = await GeneratePeopleAsync(seed: 7);
        var (exitCode, output) = Match("--input", people, "--map", mapping, "--output", InFolder("clusters.csv"), "--truth", "person_id", "--threads", "2");

        Assert.Equal(0, exitCode);
        var rows = ReadCsv(people);
        Assert.Equal(SyntheticReferrals.CsvColumns, rows[0]);
        Assert.Equal(1501, rows.Count);
        Assert.Contains("Wrote 1,500 referral rows", generated, StringComparison.Ordinal);
        Assert.Matches(@"Against the --truth column: precision [01]\.\d+, recall 0\.\d+, F1 0\.\d+", output);
        Assert.Contains("Weights learned from these rows:", output, StringComparison.Ordinal);
    }

    /// <summary>1,500 generated rows (enough for a batch to learn its own weights) and their mapping, in the test's folder.</summary>
    private async Task<(string People, string Mapping, string Output)> GeneratePeopleAsync(int seed)
    {
        var people = InFolder("people.csv");
        var mapping = InFolder("mapping.json");
        using var generated = new StringWriter();
        Assert.Equal(0, await ToolCommands.RunAsync(["generate-people", "--count", "1500", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--output", people, "--mapping", mapping], generated));
        return (people, mapping, generated.ToString());
    }

    [Fact]
    public async Task Match_OwnWeightsOnOneThreadOrTwo_SameFilesAndLearningTimed()
    {
        // The batch learns its weights on as many threads as --threads allows (decision 0117): the clusters and the
        // pairs must not depend on how many.
        var (people, mapping, _) = await GeneratePeopleAsync(seed: 5);

        var (oneExit, oneOutput) = Match("--input", people, "--map", mapping, "--output", InFolder("one.csv"), "--pairs", InFolder("one-pairs.csv"), "--threads", "1");
        var (twoExit, twoOutput) = Match("--input", people, "--map", mapping, "--output", InFolder("two.csv"), "--pairs", InFolder("two-pairs.csv"), "--threads", "2");

        Assert.Equal(0, oneExit);
        Assert.Equal(0, twoExit);
        Assert.Equal(File.ReadAllText(InFolder("one.csv")), File.ReadAllText(InFolder("two.csv")));
        var pairs = File.ReadAllText(InFolder("one-pairs.csv"));
        Assert.Contains(",Link,", pairs, StringComparison.Ordinal);
        Assert.Equal(pairs, File.ReadAllText(InFolder("two-pairs.csv")));
        Assert.Matches(@"matching \d+\.\d s on 1 cores, of which learning the weights \d+\.\d s, writing", oneOutput);
        Assert.Matches(@"matching \d+\.\d s on 2 cores, of which learning the weights \d+\.\d s, writing", twoOutput);
        var learned = Assert.Single(oneOutput.Split(Environment.NewLine), l => l.StartsWith("Weights learned from these rows:", StringComparison.Ordinal));
        Assert.Contains(learned, twoOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratePeople_SameSeed_SameFile()
    {
        using var output = new StringWriter();

        await ToolCommands.RunAsync(["generate-people", "--count", "200", "--seed", "3", "--output", InFolder("a.csv")], output);
        await ToolCommands.RunAsync(["generate-people", "--count", "200", "--seed", "3", "--output", InFolder("b.csv")], output);

        Assert.Equal(File.ReadAllBytes(InFolder("a.csv")), File.ReadAllBytes(InFolder("b.csv")));
    }

    [Fact]
    public void OperationsGuide_ExampleMapping_ParsesAndFitsTheExportItDescribes()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var section = guide[guide.IndexOf("## Matching a CSV of people", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var bound = ColumnMapping.Parse(json).Bind(ReadCsv(Export)[0]);

        Assert.True(bound.HasIdColumn);
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { "missing input", "does not exist" },
        { "missing mapping", "does not exist" },
        { "column not in the CSV", "'dateOfBirth' is mapped to the column 'Date of birth', which the CSV does not have" },
        { "date format", "The date format 'dd/mm/yyyy' cannot be used" },
        { "not JSON", "not valid JSON" },
        { "unknown option", "'--inptu'" },
        { "no output", "'--output' is required" },
        { "output folder", "does not exist" },
        { "cluster_id already", "already has a column named 'cluster_id'" },
        { "truth column", "The --truth column 'label' is not in the CSV" },
        { "threshold not a number", "Matching:UpperThreshold must be a number" },
        { "thresholds reversed", "must not be above" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Match_Mistake_ExitCode2AndOneClearMessage(string mistake, string expected)
    {
        var mapping = ExportMapping;
        var input = Export;
        var configuration = AppConfiguration();
        string[] extra = [];
        var output = InFolder("clusters.csv");
        switch (mistake)
        {
            case "missing input":
                input = InFolder("nowhere.csv");
                break;
            case "missing mapping":
                mapping = InFolder("nowhere.json");
                break;
            case "column not in the CSV":
                mapping = InFolder("mapping.json");
                File.WriteAllText(mapping, """{ "givenName": "Forename", "dateOfBirth": { "column": "Date of birth", "format": "yyyy-MM-dd" } }""");
                break;
            case "date format":
                mapping = InFolder("mapping.json");
                File.WriteAllText(mapping, """{ "givenName": "Forename", "dateOfBirth": { "column": "D.O.B.", "format": "dd/mm/yyyy" } }""");
                break;
            case "not JSON":
                mapping = InFolder("mapping.json");
                File.WriteAllText(mapping, "givenName = Forename");
                break;
            case "unknown option":
                extra = ["--inptu", "x.csv"];
                break;
            case "no output":
                output = string.Empty;
                break;
            case "output folder":
                output = Path.Combine(_folder, "missing", "clusters.csv");
                break;
            case "cluster_id already":
                input = InFolder("clustered.csv");
                File.WriteAllLines(input, ["Forename,cluster_id", "Ffion,1"]);
                mapping = InFolder("mapping.json");
                File.WriteAllText(mapping, """{ "givenName": "Forename" }""");
                break;
            case "truth column":
                extra = ["--truth", "label"];
                break;
            case "threshold not a number":
                configuration = AppConfiguration(new() { ["Matching:UpperThreshold"] = "high" });
                break;
            case "thresholds reversed":
                configuration = AppConfiguration(new() { ["Matching:LowerThreshold"] = "30", ["Matching:UpperThreshold"] = "20" });
                break;
        }

        string[] args = output.Length == 0
            ? ["--input", input, "--map", mapping, .. extra]
            : ["--input", input, "--map", mapping, "--output", output, .. extra];
        var (exitCode, message) = Match(configuration, args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.Equal(mistake is "unknown option" or "no output", message.Contains("Run 'match --help' to see the options.", StringComparison.Ordinal));
        Assert.False(File.Exists(InFolder("clusters.csv")));
    }

    /// <summary>The command as an operator runs it: the tools' own executable, the app's appsettings.json built with it, a fresh process.</summary>
    [Fact]
    public async Task MatchCommand_RunAsTheTool_WritesClustersOrExplainsWithExitCode2()
    {
        var clusters = InFolder("clusters.csv");

        var (exitCode, output, errors) = await RunToolAsync("match", "--input", Export, "--map", ExportMapping, "--output", clusters);

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("Clusters: 6 ", output, StringComparison.Ordinal);
        Assert.Equal(11, ReadCsv(clusters).Count);

        var bad = InFolder("bad.json");
        await File.WriteAllTextAsync(bad, """{ "givenName": "First name" }""");
        (exitCode, output, errors) = await RunToolAsync("match", "--input", Export, "--map", bad, "--output", InFolder("other.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("'givenName' is mapped to the column 'First name', which the CSV does not have", output, StringComparison.Ordinal);
        Assert.Contains("'Forename'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
    }

    /// <summary>Every command answers --help with its options, and exit code 0, in a fresh process as an operator sees it.</summary>
    [Theory]
    [InlineData("match", "--input", "--map", "--output", "--pairs", "--truth", "--threads", "--app", "--learn-weights", "--configured-weights",
        "givenName", "familyName", "preferredName", "dateOfBirth", "sex", "postcode", "nhsNumber", "upn", "pncId", "email", "phone", "town",
        "houseNumber", "street", "school", "carers", "otherIdentifier", "otherIdentifierIssuer")]
    [InlineData("generate-people", "--count", "--seed", "--output", "--mapping")]
    [InlineData("seed", "--children", "--seed", "--team", "--app")]
    public async Task Help_EveryCommand_ListsItsOptions(string command, params string[] options)
    {
        var (exitCode, output, errors) = await RunToolAsync(command, "--help");

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(\w+): \1:", output); // a field's meaning does not repeat its name ("sex: sex:")
        foreach (var option in options)
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_NoCommand_ListsTheCommands()
    {
        var (exitCode, output, _) = await RunToolAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("match", output, StringComparison.Ordinal);
        Assert.Contains("generate-people", output, StringComparison.Ordinal);
        Assert.Contains("seed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_FieldStartingLikeAFormula_WrittenAsTextAndCounted()
    {
        var input = InFolder("formulas.csv");
        File.WriteAllLines(input, ["Ref,Forename,Surname", "1,=SUM(1+1),Jones", "2,+Ffion,-Evans", "3,@Cerys,Jones"]);
        var mapping = InFolder("mapping.json");
        File.WriteAllText(mapping, """{ "id": "Ref", "givenName": "Forename", "familyName": "Surname" }""");
        var clusters = InFolder("clusters.csv");

        var (exitCode, output) = Match("--input", input, "--map", mapping, "--output", clusters);

        Assert.Equal(0, exitCode);
        var written = ReadCsv(clusters);
        Assert.Equal("'=SUM(1+1)", written[1][1]);
        Assert.Equal(["'+Ffion", "'-Evans"], written[2][1..3]);
        Assert.Equal("'@Cerys", written[3][1]);
        Assert.Contains("written with a leading ' so that it shows them as text: 4.", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseManagement.Tools.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public void Match_UnusableValuesAndColumns_CountedPerFieldAndNamed()
    {
        var input = InFolder("unusable.csv");
        File.WriteAllLines(input,
        [
            "Ref,Forename,Surname,Post Code,NHS No,Town,Phone",
            "1,Ffion,Evans,CF37 1AB,943 476 5919,Pontypridd,07700 900123",
            "2,Ffion,Evans,75008,943 476 5918,Pontypridd,+33 1 42 68 53 00",
            "3,Cerys,Jones,SW1A 1AA,,Cardiff,",
            "4,Cerys,Jones,D02 X285,123,Cardiff,+44 7700 900124",
            "5,Megan,Lloyd,n/a,,Cardiff,12",
        ]);
        var mapping = InFolder("unusable.json");
        File.WriteAllText(mapping, """{ "id": "Ref", "givenName": "Forename", "familyName": "Surname", "postcode": "Post Code", "nhsNumber": "NHS No", "phone": "Phone" }""");

        var (exitCode, output) = Match("--input", input, "--map", mapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Postcodes that are not UK postcodes (from abroad, or mistyped out of shape), kept and compared as written: 2 rows (the first on line 3)", output, StringComparison.Ordinal);
        Assert.Contains("Postcodes that are neither UK postcodes nor anything to compare as written (no digit, or under three characters), read as missing: 1 row (the first on line 6)", output, StringComparison.Ordinal);
        Assert.Contains("NHS numbers failing their length or check digit, read as missing: 2 rows (the first on line 3)", output, StringComparison.Ordinal);
        Assert.Contains("Phone numbers that are not UK numbers (from abroad, or mistyped), kept and their digits compared as written: 1 row (the first on line 3)", output, StringComparison.Ordinal);
        Assert.Contains("Phone numbers that are neither UK numbers nor seven to fifteen digits, read as missing: 1 row (the first on line 6)", output, StringComparison.Ordinal);
        Assert.Contains("Columns not used (1): Town.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("75008", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_PostcodesFromAbroad_TheSameLinksASlippedNameAndOthersGainNothing()
    {
        // Two children living abroad, each written twice with the family name mistyped and the year of birth wrong the
        // second time: too little to link on the names and date alone (decision 0102).
        // Ffion's two rows give one postcode as written; Cerys's give two postcodes of one city: another home.
        var input = InFolder("abroad.csv");
        File.WriteAllLines(input,
        [
            "Ref,Forename,Surname,DOB,Post Code",
            "1,Ffion,Evans,2009-04-03,D02 X285",
            "2,Ffion,Evnas,2010-04-03,d02x285",
            "3,Cerys,Prichard,2009-09-20,75008",
            "4,Cerys,Pritchard,2010-09-20,75011",
        ]);
        var mapping = InFolder("abroad.json");
        File.WriteAllText(mapping, """{ "id": "Ref", "givenName": "Forename", "familyName": "Surname", "dateOfBirth": "DOB", "postcode": "Post Code" }""");
        var clusters = InFolder("clusters.csv");
        var pairs = InFolder("pairs.csv");
        var withoutPostcodes = InFolder("without.csv");
        File.WriteAllLines(withoutPostcodes, File.ReadAllLines(input).Select((line, i) => i == 0 ? line : line[..(line.LastIndexOf(',') + 1)]));
        var pairsWithout = InFolder("pairs-without.csv");

        var (exitCode, output) = Match("--input", input, "--map", mapping, "--output", clusters, "--pairs", pairs);
        var (exitCodeWithout, _) = Match("--input", withoutPostcodes, "--map", mapping, "--output", InFolder("clusters-without.csv"), "--pairs", pairsWithout);

        Assert.Equal(0, exitCode);
        Assert.Equal(0, exitCodeWithout);
        Assert.Contains("Postcodes that are not UK postcodes (from abroad, or mistyped out of shape), kept and compared as written: 4 rows (the first on line 2)", output, StringComparison.Ordinal);
        var written = ReadCsv(clusters);
        Assert.Equal(written[1][^2], written[2][^2]);
        Assert.Equal("2", written[1][^1]);
        Assert.NotEqual(written[3][^2], written[4][^2]);

        // Without postcodes a person checks both pairs. Ffion's one postcode as written links hers; Cerys's two postcodes
        // weigh against hers, and a person still checks it: it is neither linked nor dropped.
        string[] Pair(List<string[]> rows, string first) => Assert.Single(rows, r => r[1] == first);
        var (with, without) = (ReadCsv(pairs), ReadCsv(pairsWithout));
        Assert.Equal(["Review", "Review"], [Pair(without, "1")[5], Pair(without, "3")[5]]);
        Assert.Equal(("2", "Link", "1"), (Pair(with, "1")[3], Pair(with, "1")[5], Pair(with, "1")[6]));
        Assert.Equal(("4", "Review", string.Empty), (Pair(with, "3")[3], Pair(with, "3")[5], Pair(with, "3")[6]));
        Assert.True(
            double.Parse(Pair(with, "3")[4], CultureInfo.InvariantCulture) < double.Parse(Pair(without, "3")[4], CultureInfo.InvariantCulture),
            "Two postcodes from abroad that differ weigh against the pair.");
    }

    [Fact]
    public void Match_PartnerFileWithOddRows_ReadWithEveryOddityCounted()
    {
        // What a partner's export may hold: a byte order mark, semicolons, a line break inside quotes, an empty row, a
        // row cut short and one with a value too many, dates that are not dates or are unlikely, a postcode from
        // abroad and a very long value.
        var input = InFolder("partner.csv");
        var longName = new string('x', 50_000);
        File.WriteAllText(input, string.Join("\r\n",
        [
            "Ref;Forename;Surname;DOB;Post Code;Notes",
            "1;Ffion;Evans;03/04/2012;CF37 1AB;\"first line",
            "second line\"",
            "2;Ffion;Evans;31/02/2012;CF37 1AB;",
            ";;;;;",
            "3;Cerys;Jones;01/01/1890;75008;",
            "4;Cerys;Jones;01/01/2100;SW1A 1AA",
            $"5;{longName};Jones;02/02/2011;D02 X285;;stray",
            string.Empty,
        ]), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var mapping = InFolder("partner.json");
        File.WriteAllText(mapping, """{ "id": "Ref", "givenName": "Forename", "familyName": "Surname", "dateOfBirth": "DOB", "postcode": "Post Code" }""");
        var clusters = InFolder("clusters.csv");

        var (exitCode, output) = Match("--input", input, "--map", mapping, "--output", clusters);

        Assert.Equal(0, exitCode);
        Assert.Contains("Rows: 5 from ", output, StringComparison.Ordinal);
        Assert.Contains(", its values separated by semicolons.", output, StringComparison.Ordinal);
        Assert.Contains("Empty rows left out of the output: 1 row.", output, StringComparison.Ordinal);
        Assert.Contains("Dates of birth in none of the mapping's formats, read as missing: 1 row (the first on line 4)", output, StringComparison.Ordinal);
        Assert.Contains("Dates of birth before 1900 or after today, read as given (check them): 2 rows (the first on line 6)", output, StringComparison.Ordinal);
        Assert.Contains("Postcodes that are not UK postcodes (from abroad, or mistyped out of shape), kept and compared as written: 2 rows (the first on line 6)", output, StringComparison.Ordinal);
        Assert.Contains("Rows with fewer values than the header has columns, the missing ones read as empty: 1 row (the first on line 7)", output, StringComparison.Ordinal);
        Assert.Contains("Rows with more values than the header has columns, the extra ones neither read nor written out: 1 row (the first on line 8)", output, StringComparison.Ordinal);
        Assert.Contains("Columns not used (1): Notes.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(longName, output, StringComparison.Ordinal);
        var written = ReadCsv(clusters);
        Assert.Equal(6, written.Count);
        Assert.Equal("first line\r\nsecond line", written[1][5]);
        Assert.Equal(longName, written[5][1]);
    }

    [Theory]
    [InlineData("3;Ffion;Evans;05/06/2012", "The rows on lines 2 and 5 have the same value in the id column")]
    [InlineData("4;Ca\"rys;Jones;05/06/2012", "The input CSV cannot be read at line 5")]
    public void Match_RowNamedByItsLineInTheFile_AfterAQuotedLineBreakAndAnEmptyRow(string fifthLine, string expected)
    {
        // A value over two lines, then an empty row: a duplicate id and a stray quote are both named by the line an
        // editor shows (the header is line 1), as a row's problems are.
        var input = InFolder("lines.csv");
        File.WriteAllText(input, string.Join("\n", ["Ref;Forename;Surname;DOB", "3;Ffion;\"Evans", "Jones\";03/04/2012", ";;;", fifthLine, string.Empty]));
        var mapping = InFolder("lines.json");
        File.WriteAllText(mapping, """{ "id": "Ref", "givenName": "Forename", "familyName": "Surname", "dateOfBirth": "DOB" }""");

        var (exitCode, output) = Match("--input", input, "--map", mapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--learn-weights", "Weights learned from these rows:", true)]
    [InlineData("--configured-weights", "Weights: the configured table.", false)]
    public void Match_WeightsOption_SaysWhichTableAndTimesOnlyALearning(string option, string says, bool learns)
    {
        var (exitCode, output) = Match("--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"), option);

        Assert.Equal(0, exitCode);
        Assert.Contains(says, output, StringComparison.Ordinal);
        Assert.Equal(learns, output.Contains(", of which learning the weights ", StringComparison.Ordinal));
        Assert.Contains("Columns not used (1): Notes.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_SmallBatch_UsesTheConfiguredTableAndSaysSo()
    {
        var (exitCode, output) = Match("--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Weights: the configured table (fewer than 1,000 rows to learn from; --learn-weights learns anyway).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_BothWeightOptions_RefusedWithExitCode2()
    {
        var (exitCode, output) = Match("--input", Export, "--map", ExportMapping, "--output", InFolder("clusters.csv"), "--learn-weights", "--configured-weights");

        Assert.Equal(2, exitCode);
        Assert.Contains("Give --learn-weights or --configured-weights, not both.", output, StringComparison.Ordinal);
    }
}
