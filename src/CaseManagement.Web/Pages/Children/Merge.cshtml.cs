using CaseManagement.Application.Children.Commands;
using CaseManagement.Application.Children.Commands.MergeChildren;
using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Children.Queries.GetChildSummary;
using CaseManagement.Application.Children.Queries.ListChildren;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Models;

namespace CaseManagement.Web.Pages.Children;

/// <summary>Merges another record into this child's: find the other record by name, say why they are the same child.</summary>
public sealed class MergeModel(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public ChildSummaryDto Child { get; private set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<ChildSummaryDto> Results { get; private set; } = [];

    [BindProperty] public string? MergedChildId { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(MergedChildId, out var merged))
        {
            ModelState.AddModelError(nameof(MergedChildId), text["Choose the record that is the same child."]);
        }
        else
        {
            var (ok, _) = await TrySendAsync(new MergeChildren(id, merged, Reason ?? string.Empty), cancellationToken);
            if (ok)
            {
                return RedirectToPage("/Children/Merges", new { merged = true });
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // The record itself, found among the team's children; anyone else's answers "not found".
        Child = await Mediator.Send(new GetChildSummary(id), cancellationToken) ?? throw NotFoundException.For("Child", id);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var page = await Mediator.Send(new ListChildren(1, Paging.DefaultPageSize, Search.Trim()[..Math.Min(Search.Trim().Length, 100)]), cancellationToken);
            Results = page.Items.Where(c => c.Id != id).ToList();
        }
    }
}
