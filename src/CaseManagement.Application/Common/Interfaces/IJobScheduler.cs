namespace CaseManagement.Application.Common.Interfaces;

/// <summary>The background-job scheduler (Hangfire, in Infrastructure), as the administrators' page needs it.</summary>
public interface IJobScheduler
{
    /// <summary>False when the scheduler is turned off on this server (Jobs:Enabled=false).</summary>
    bool IsRunning { get; }

    /// <summary>When each job fires next, by job name; a job with no next time is missing.</summary>
    Task<IReadOnlyDictionary<string, DateTime>> NextRunsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Asks the scheduler to run the job now, on whichever server picks it up first. The job carries the id of the
    /// person who asked (none for the system), never a name: the scheduler's storage and dashboard show its arguments.
    /// </summary>
    Task TriggerNowAsync(string jobName, Guid? requestedBy, CancellationToken cancellationToken);
}
