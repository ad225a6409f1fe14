using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Commands.RunJobNow;
using CaseManagement.Application.Jobs.Queries.ListJobs;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>The background jobs: last run, next run, outcome, recent failures, and "run now".</summary>
public sealed class JobsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public JobText Words { get; } = new(text);

    public JobsOverview Overview { get; private set; } = new(false, [], new OutboxStatus(0, null, 0));

    [BindProperty(SupportsGet = true)]
    public string? Started { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await Mediator.Send(new ListJobs(), cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string? name, CancellationToken cancellationToken)
    {
        try
        {
            var (ok, _) = await TrySendAsync(new RunJobNow(name ?? string.Empty), cancellationToken);
            if (ok)
            {
                return RedirectToPage(new { started = name });
            }
        }
        catch (Application.Common.Exceptions.NotFoundException)
        {
            ModelState.AddModelError("Name", text["Choose a job to run"]);
        }

        Started = null;
        Overview = await Mediator.Send(new ListJobs(), cancellationToken);
        return Page();
    }
}
