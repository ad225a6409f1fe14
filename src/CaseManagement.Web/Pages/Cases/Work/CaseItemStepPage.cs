using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>
/// One item of a case's list (an intervention, an onward referral) and a form for its next step: a date, and a reason
/// where the step needs one. The item is read from the case's list, as the list page shows it; a step saved goes back
/// to the list with its banner.
/// </summary>
/// <typeparam name="TList">The case's list, as its query answers it (null when the reader may not see the case).</typeparam>
/// <typeparam name="TItem">One item of the list.</typeparam>
public abstract class CaseItemStepPage<TList, TItem>(IMediator mediator) : AppPageModel(mediator)
    where TList : class
    where TItem : class
{
    public TList List { get; private set; } = null!;

    [BindProperty] public DateInput On { get; set; } = DateInput.Empty;

    [BindProperty] public string? Reason { get; set; }

    protected TItem Item { get; private set; } = null!;

    /// <summary>The list page a saved step returns to, and the banner it shows there.</summary>
    protected abstract (string Page, string Done) Saved { get; }

    /// <summary>The item's name in a "not found" answer.</summary>
    protected abstract string ItemName { get; }

    protected abstract IRequest<TList?> ListRequest(Guid caseId);

    protected abstract TItem? Find(TList list, Guid itemId);

    /// <summary>The request that records the step the form chose, on the date given.</summary>
    protected abstract IRequest<Unit> StepRequest(Guid itemId, DateOnly? day);

    /// <summary>What the reader may do next, once the list and the item are read.</summary>
    protected abstract void Shown();

    protected async Task<IActionResult> ShowAsync(Guid caseId, Guid itemId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, itemId, cancellationToken) ? Page() : NotFound();

    protected async Task<IActionResult> SaveAsync(Guid caseId, Guid itemId, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(On), On, "The date must be a real date, like 27 3 2027.");
        if ((await TrySendAsync(StepRequest(itemId, on), cancellationToken)).Ok)
        {
            return RedirectToPage(Saved.Page, new { id = caseId, done = Saved.Done });
        }

        return await LoadAsync(caseId, itemId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid caseId, Guid itemId, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(ListRequest(caseId), cancellationToken) is not { } list)
        {
            return false;
        }

        List = list;
        Item = Find(list, itemId) ?? throw NotFoundException.For(ItemName, itemId);
        Shown();
        return true;
    }
}
