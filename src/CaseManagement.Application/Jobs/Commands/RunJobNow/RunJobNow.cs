namespace CaseManagement.Application.Jobs.Commands.RunJobNow;

/// <summary>
/// Runs a job now, through the scheduler (so it never runs twice at once, and on a cluster whichever server is free
/// takes it). The jobs are safe to run at any time: each one's work is exactly-once by itself.
/// </summary>
[Authorize(Roles.Administrator)]
public sealed record RunJobNow(string Name) : IRequest<Unit>;

internal sealed class RunJobNowHandler(IJobScheduler scheduler, ICurrentUser user) : IRequestHandler<RunJobNow, Unit>
{
    public async Task<Unit> Handle(RunJobNow request, CancellationToken cancellationToken)
    {
        if (!JobNames.All.Contains(request.Name, StringComparer.Ordinal))
        {
            throw NotFoundException.For("Job", request.Name);
        }

        if (!scheduler.IsRunning)
        {
            throw new DomainRuleException("The scheduler is turned off on this server, so jobs cannot be run from here.");
        }

        await scheduler.TriggerNowAsync(request.Name, user.UserId, cancellationToken);
        return Unit.Value;
    }
}
