using System.Globalization;
using CaseManagement.Application.Jobs;

namespace CaseManagement.Application.Tests.Jobs;

/// <summary>A run's stored summary is read back whatever is in the column: never an exception on the jobs page.</summary>
public sealed class JobSummaryTests
{
    [Theory]
    [InlineData("{\"text\":\"{0} {1}\",\"values\":[1]}", "{0} {1} 1")] // fewer numbers than the words need
    [InlineData("{\"text\":\"{0 unfinished\",\"values\":[3]}", "{0 unfinished 3")] // a stray brace
    public void StoredSummary_NumbersThatDoNotFitItsWords_ShownAsStored(string stored, string shown)
    {
        var summary = JobSummary.Read(stored);

        Assert.NotNull(summary);
        Assert.Equal(shown, summary.ToString());
        Assert.Equal(shown, summary.Format(summary.Text, new CultureInfo("cy-GB")));
    }

    [Fact]
    public void OldEnglishSentence_WithANumberTooLargeToHold_KeptAsItIs()
    {
        const string stored = "99999999999999999999 unfinished drafts deleted";

        var summary = JobSummary.Read(stored);

        Assert.NotNull(summary);
        Assert.Equal(stored, summary.ToString());
        Assert.Empty(summary.Values);
    }

    [Fact]
    public void OldEnglishSentence_ReadBackAsItsWordsAndNumbers()
    {
        var summary = JobSummary.Read("12 unfinished drafts deleted");

        Assert.Equal(JobSummary.DraftsDeleted, summary!.Text);
        Assert.Equal([12L], summary.Values);
    }
}
