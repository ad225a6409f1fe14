using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.ExportReferrals;
using CaseManagement.Application.Referrals.Commands.StartReferralDraft;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Pages.Partials;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Pages.Referrals;

public sealed class IndexModel(IMediator mediator, ICurrentUser user, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Whether the user may start a referral: offered only to those the request lets through.</summary>
    public bool MayRefer => user.MaySend<StartReferralDraft>();

    /// <summary>Whether the user may download the list as CSV.</summary>
    public bool MayExport => user.MaySend<ExportReferrals>();

    /// <summary>The status to filter by; a value that is not a status is ignored and the whole list shown.</summary>
    public ReferralStatus? Status { get; private set; }

    public PagedList<ReferralSummaryDto> Referrals { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        Status = Parse(status);
        Referrals = await mediator.Send(new ListReferrals(Math.Clamp(page ?? 1, 1, Paging.MaxPage), Paging.DefaultPageSize, Status), cancellationToken);
    }

    /// <summary>The whole list (of the status chosen) as CSV for a spreadsheet; the export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] string? status, CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(new ExportReferrals(Parse(status)), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"referrals-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [T("Referrals.Reference"), T("Referrals.Child"), T("Referrals.Source"), T("Referrals.Urgency"), T("Referrals.Status"), T("Referrals.Received")],
            rows.Select(r => new[] { r.Reference, r.ChildName, T($"ReferralSource.{r.Source}"), T($"ReferralUrgency.{r.Urgency}"), T($"ReferralStatus.{r.Status}"), CsvFile.UkDateTime(r.ReceivedAtUtc) }));
    }

    private static ReferralStatus? Parse(string? status) => Submit.ReferralForm.Choice<ReferralStatus>(status, ignoreCase: true);
}
