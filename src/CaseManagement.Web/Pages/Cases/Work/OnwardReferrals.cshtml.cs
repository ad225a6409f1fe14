using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The onward referrals of a case, outstanding ones first, with how long the child has waited.</summary>
public sealed class OnwardReferralsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public CaseOnwardReferralsDto List { get; private set; } = null!;

    public bool MayRefer { get; private set; }

    [FromQuery] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ListOnwardReferrals(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        List = found;
        MayRefer = found.Case.CaseOpen && user.MaySend<MakeOnwardReferral>();
        return Page();
    }
}
