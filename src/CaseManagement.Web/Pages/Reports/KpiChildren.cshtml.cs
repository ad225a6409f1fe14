using CaseManagement.Application.Outcomes.Queries.ListKpiChildren;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The children behind one figure of the quarterly return.</summary>
public sealed class KpiChildrenModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<KpiChildDto> Children { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    [BindProperty(SupportsGet = true)] public int Quarter { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; }

    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A figure's address that names no figure shows the rule's words and no children.
        var (_, children) = await TrySendAsync(new ListKpiChildren(Year, Quarter, Kpi ?? string.Empty, Measure ?? string.Empty, FormChoices.Choice<KpiStage>(Stage, ignoreCase: true) ?? KpiStage.End), cancellationToken);
        Children = children ?? [];
        return Page();
    }
}
