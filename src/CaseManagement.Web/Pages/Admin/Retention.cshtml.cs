using CaseManagement.Application.Records.Retention.Commands.SetRetentionRule;
using CaseManagement.Application.Records.Retention.Queries.GetRetentionRules;
using CaseManagement.Domain.Records;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>The retention schedule: how long each kind of record is kept (decision 0051).</summary>
public sealed class RetentionModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<RetentionRuleDto> Rules { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public int? YearsAfter { get; set; }

    [BindProperty] public int? UntilAge { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await Mediator.Send(new GetRetentionRules(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(new SetRetentionRule(FormChoices.Choice<RetentionKind>(Kind), YearsAfter, UntilAge), cancellationToken)).Ok)
        {
            return RedirectToPage("/Admin/Retention", new { saved = true });
        }

        Rules = await Mediator.Send(new GetRetentionRules(), cancellationToken);
        return Page();
    }
}
