using System.Xml.Linq;

namespace CaseManagement.IntegrationTests.Hosting;

/// <summary>Every English string has a Welsh one, so no page shows a key or falls back to English.</summary>
public sealed class LocalisationTests
{
    private static Dictionary<string, string> Read(string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, "src", "CaseManagement.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [Fact]
    public void WelshResources_HaveEveryEnglishKey_AndNoEmptyValues()
    {
        var english = Read("SharedResource.resx");
        var welsh = Read("SharedResource.cy.resx");

        Assert.Empty(english.Keys.Except(welsh.Keys));
        Assert.Empty(welsh.Keys.Except(english.Keys));
        Assert.DoesNotContain(welsh, w => string.IsNullOrWhiteSpace(w.Value));
    }

    [Fact]
    public void WelshResources_AreTranslated_NotCopiedFromEnglish()
    {
        var english = Read("SharedResource.resx");
        var welsh = Read("SharedResource.cy.resx");

        // Only acronyms read the same in both languages.
        var same = english.Where(e => welsh[e.Key] == e.Value).Select(e => e.Key).ToHashSet();
        Assert.Subset(new HashSet<string> { "ReferralSource.Mash", "ReferralSource.Camhs" }, same);
    }

    [Fact]
    public void MatchExplanations_HaveWordsForEveryOutcomeGroundAndStrength_InBothLanguages()
    {
        // The review page renders whatever the engine decides (decision 0084): every combination needs its sentence.
        var keys = Enum.GetValues<CaseManagement.Application.Matching.VetoRule>().SelectMany(rule => Enum.GetValues<CaseManagement.Application.Matching.VetoOutcome>().Select(outcome => $"VetoRule.{rule}.{outcome}"))
            .Concat(Enum.GetValues<CaseManagement.Application.Matching.VetoGround>().Select(ground => $"VetoGround.{ground}"))
            .Concat(Enum.GetValues<CaseManagement.Application.Matching.EvidenceStrength>().Select(strength => $"EvidenceStrength.{strength}"))
            .Concat(Enum.GetValues<CaseManagement.Application.Matching.MatchDecision>().Select(decision => $"MatchDecision.{decision}"))
            .ToList();

        foreach (var file in new[] { "SharedResource.resx", "SharedResource.cy.resx" })
        {
            Assert.Empty(keys.Except(Read(file).Keys));
        }
    }

    [Fact]
    public void JobSummaries_HaveWordsWithTheSameNumbers_ForEveryJob_InBothLanguages()
    {
        // The jobs page fills in each run's summary from the resources (decision 0089): a sentence missing, or one that
        // asks for a number the run does not have, would show English or fail the page.
        var english = Read("SharedResource.resx");
        var welsh = Read("SharedResource.cy.resx");
        string[] jobs = [.. CaseManagement.Application.Jobs.JobNames.All, CaseManagement.Application.Jobs.JobNames.MatchingWeights, CaseManagement.Application.Jobs.JobNames.MatchKeys];

        Assert.Empty(jobs.Select(job => $"Job.{job}").Except(welsh.Keys));
        foreach (var text in CaseManagement.Application.Jobs.JobSummary.Texts)
        {
            Assert.Equal(text, english[text]);
            Assert.Equal(Placeholders(text), Placeholders(welsh[text]));
        }

        static IEnumerable<string> Placeholders(string format) =>
            System.Text.RegularExpressions.Regex.Matches(format, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void MatchWords_HaveEverySentenceWithTheSameValues_InBothLanguages()
    {
        // The matches API and the review page say the engine's notes and reasons from the resources (decision 0095): a
        // sentence missing would stay English, and one asking for a value the engine did not write would fall back to it.
        var english = Read("SharedResource.resx");
        var welsh = Read("SharedResource.cy.resx");

        // The audit check's sentences (decision 0099) and "known as" are said the same way on the audit and review pages.
        foreach (var text in CaseManagement.Application.Matching.MatchTexts.All
            .Concat(CaseManagement.Domain.Audit.AuditTexts.All).Append(CaseManagement.Application.Matching.MatchTexts.KnownAs))
        {
            Assert.Equal(text, english[text]);
            Assert.Equal(FormatItems(text), FormatItems(welsh[text]));
        }
    }

    private static IEnumerable<string> FormatItems(string format) =>
        System.Text.RegularExpressions.Regex.Matches(format, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal);

    [SkippableFact]
    public void ResourcesTool_WritesTheCommittedFilesAsTheyAre()
    {
        // tools/resources.py is how both files are edited side by side (decision 0009): a string added to a resx file by
        // hand, and not to its tables, would be removed by the tool's next run.
        var python = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "python3")).FirstOrDefault(File.Exists);
        Skip.If(python is null, "python3 is not installed");

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(python, ["tools/resources.py", "--check"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, output);
    }

    [Fact]
    public void Resources_UseChildFirstLanguage()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.cy.resx" })
        {
            Assert.DoesNotContain(Read(file).Values, v => v.Contains("offender", StringComparison.OrdinalIgnoreCase) || v.Contains("troseddwr", StringComparison.OrdinalIgnoreCase));
        }
    }
}

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CaseManagement.sln not found above " + AppContext.BaseDirectory);
    }
}
