using CaseManagement.Application.Children.Commands;
using CaseManagement.Application.Children.Commands.UndoMerge;
using CaseManagement.Application.Children.Queries.ListChildMerges;

namespace CaseManagement.Web.Pages.Children;

/// <summary>The team's merges of child records, each with "undo".</summary>
public sealed class MergesModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<ChildMergeDto> Merges { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Merged { get; set; }

    public bool Undone { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Merges = await Mediator.Send(new ListChildMerges(), cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(Guid mergeId, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new UndoMerge(mergeId), cancellationToken);
        Undone = ok;
        Merged = false;
        Merges = await Mediator.Send(new ListChildMerges(), cancellationToken);
        return Page();
    }
}
