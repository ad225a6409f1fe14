namespace CaseManagement.Domain.Jobs;

public enum JobOutcome
{
    Running,

    Succeeded,

    Failed,

    /// <summary>The server stopped (or crashed) while the run was going on; the next run picks up what it left.</summary>
    Interrupted,
}

/// <summary>One run of a background job, for the administrators' page: when, on which server, how it ended.</summary>
public sealed class JobRun
{
    public const int NameMaxLength = 60;
    public const int SummaryMaxLength = 400;
    public const int ErrorMaxLength = 2000;

    // For EF Core.
    private JobRun()
    {
        JobName = string.Empty;
        TriggeredBy = string.Empty;
        InstanceId = string.Empty;
    }

    public JobRun(string jobName, string triggeredBy, string instanceId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        Id = Guid.NewGuid();
        JobName = jobName;
        TriggeredBy = triggeredBy;
        InstanceId = Cut(instanceId, NameMaxLength) ?? string.Empty;
        StartedAtUtc = nowUtc;
        Outcome = JobOutcome.Running;
    }

    public Guid Id { get; private set; }

    public string JobName { get; private set; }

    /// <summary>"Schedule" or "Manual" (an administrator's "run now"); a lost server's run is not rerun: the next scheduled run picks the work up.</summary>
    public string TriggeredBy { get; private set; }

    public string InstanceId { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    public JobOutcome Outcome { get; private set; }

    public string? Summary { get; private set; }

    public string? Error { get; private set; }

    public void Succeeded(DateTime nowUtc, string summary)
    {
        FinishedAtUtc = nowUtc;
        Outcome = JobOutcome.Succeeded;
        Summary = Cut(summary, SummaryMaxLength);
    }

    public void Failed(DateTime nowUtc, string error)
    {
        FinishedAtUtc = nowUtc;
        Outcome = JobOutcome.Failed;
        Error = Cut(error, ErrorMaxLength);
    }

    public void Interrupted(DateTime nowUtc)
    {
        FinishedAtUtc = nowUtc;
        Outcome = JobOutcome.Interrupted;
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
