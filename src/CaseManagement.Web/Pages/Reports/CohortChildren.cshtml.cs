using CaseManagement.Application.Outcomes.Queries.ListCohortChildren;
using CaseManagement.Application.Outcomes.Queries.ListKpiChildren;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The children behind one figure of the cohort outcome report.</summary>
public sealed class CohortChildrenModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<KpiChildDto> Children { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }

    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)] public string? Direction { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // An address that names no figure shows the rule's words and no children.
        var (_, children) = await TrySendAsync(new ListCohortChildren(From, To, Figure, Measure, Direction), cancellationToken);
        Children = children ?? [];
        return Page();
    }
}
