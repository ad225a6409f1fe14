using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ReferralDto Referral { get; private set; } = new();

    /// <summary>Who has looked at the record: shown to the manager of the team that owns it.</summary>
    public IReadOnlyList<AuditEntryDto>? Viewers { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Referral = await mediator.Send(new GetReferral(id), cancellationToken);
        if (User.IsInRole(Roles.TeamManager) && User.FindAll(Infrastructure.Identity.TeamClaimsPrincipalFactory.TeamClaim).Any(c => c.Value == Referral.TeamId.ToString()))
        {
            Viewers = await mediator.Send(new ListRecordViewers(id), cancellationToken);
        }
    }
}
