using CaseManagement.Application.Access.Commands;
using CaseManagement.Application.Access.Commands.BreakGlass;

namespace CaseManagement.Web.Pages.Referrals;

/// <summary>Asks for the reason before opening another team's record in an emergency.</summary>
public sealed class BreakGlassModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new BreakGlass(id, Reason ?? string.Empty), cancellationToken);
        return ok ? RedirectToPage("/Referrals/Details", new { id }) : Page();
    }
}
