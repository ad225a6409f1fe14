using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Commands.RunJobNow;
using CaseManagement.Application.Jobs.Queries.ListJobs;

namespace CaseManagement.Web.Api;

/// <summary>The background jobs, for administrators: their last and next runs, failures, and "run now".</summary>
[Route("api/v1/admin/jobs")]
public sealed class AdminJobsController(IMediator mediator, IStringLocalizer<SharedResource> text) : MediatorController(mediator)
{
    /// <summary>Each job's last run, next run, outcome and recent failures; each run's summary in the language asked for.</summary>
    [HttpGet]
    public async Task<JobsOverview> List(CancellationToken cancellationToken) =>
        new Pages.Admin.JobText(text).Translate(await Mediator.Send(new ListJobs(), cancellationToken));

    /// <summary>Runs a job now through the scheduler; it starts within seconds on whichever server is free.</summary>
    [HttpPost("{name}/run")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Run(string name, CancellationToken cancellationToken)
    {
        await Mediator.Send(new RunJobNow(name), cancellationToken);
        return Accepted();
    }
}
