using CaseManagement.Application.Outcomes.Queries.GetCaseOutcomes;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>What the outcome forms share: the case's outcomes above the form, for a reader who may record them.</summary>
public abstract class OutcomeFormPage(IMediator mediator) : AppPageModel(mediator)
{
    public CaseOutcomesDto Outcomes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? await OnLoadedAsync(id, cancellationToken) : NotFound();

    /// <summary>What a form shows once the case is loaded; the page itself unless it reads more.</summary>
    protected virtual Task<IActionResult> OnLoadedAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    /// <summary>Sends the form's request: back to the outcomes with a banner when it is done, else the form again with the rule's words.</summary>
    protected async Task<IActionResult> SaveAsync<T>(Guid id, IRequest<T> request, string done, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(request, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Outcomes/Index", new { id, done });
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new GetCaseOutcomes(id), cancellationToken) is not { CanRecord: true } found)
        {
            return false;
        }

        Outcomes = found;
        return true;
    }
}
