using System.Globalization;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Queries.ListJobs;
using CaseManagement.Infrastructure.Jobs;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>
/// A job's run in the reader's language, shared by the jobs page and its API (docs/decisions/0089): what the run did,
/// looked up by its English words as a rule's message is, and who started it.
/// </summary>
public sealed class JobText(IStringLocalizer text)
{
    /// <summary>What the run did, or what kind of failure stopped it (decision 0095).</summary>
    public string? Outcome(JobRunDto run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Failure(run) ?? Summary(run);
    }

    /// <summary>"Failed: " and the kind in words, with the run's id to find its exception in the log; null for a run that did not fail.</summary>
    public string? Failure(JobRunDto run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.FailureKind is { } kind
            ? string.Format(CultureInfo.CurrentCulture, text["Jobs.FailedKind"], text[$"JobFailureKind.{kind}"], run.Id)
            : null;
    }

    public string? Summary(JobRunDto run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.SummaryWords is { } words ? words.Format(text[words.Text].Value, CultureInfo.CurrentCulture) : run.Summary;
    }

    /// <summary>"Schedule", "Manual" or "Manual: " and the person's name, as the recorder wrote it, in words.</summary>
    public string TriggeredBy(JobRunDto run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.TriggeredBy switch
        {
            JobRunRecorder.Schedule => text["Jobs.BySchedule"].Value,
            JobRunRecorder.Manual => text["Jobs.ByHand"].Value,
            var by when by.StartsWith(JobRunRecorder.ManualBy, StringComparison.Ordinal) =>
                string.Format(CultureInfo.CurrentCulture, text["Jobs.ByHandOf"], by[JobRunRecorder.ManualBy.Length..]),
            var by => by,
        };
    }

    /// <summary>The overview with each run's summary in the reader's language, for the API (as its problems are, decision 0070).</summary>
    public JobsOverview Translate(JobsOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return overview with
        {
            Jobs = [.. overview.Jobs.Select(Translate)],
            MatchKeys = overview.MatchKeys is { } keys ? keys with { Job = Translate(keys.Job) } : null,
            MatchingWeights = overview.MatchingWeights is { } weights ? Translate(weights) : null,
        };
    }

    private JobStatusDto Translate(JobStatusDto job) => job with
    {
        LastRun = job.LastRun is { } last ? Translate(last) : null,
        RecentRuns = [.. job.RecentRuns.Select(Translate)],
    };

    private JobRunDto Translate(JobRunDto run) => run with { Summary = Summary(run), Error = Failure(run) ?? run.Error };
}
