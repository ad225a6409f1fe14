using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.ExportReferrals;
using CaseManagement.Application.Referrals.Commands.StartReferralDraft;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Pages.Referrals;

/// <summary>
/// The referrals the person may see, newest first, found by reference or child's name and filtered by status and the
/// days they were received (all in the database, a page at a time); the CSV holds the same list.
/// </summary>
public sealed class IndexModel(IMediator mediator, ICurrentUser user, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    /// <summary>Whether the user may start a referral: offered only to those the request lets through.</summary>
    public bool MayRefer => user.MaySend<StartReferralDraft>();

    /// <summary>Whether the user may download the list as CSV.</summary>
    public bool MayExport => user.MaySend<ExportReferrals>();

    /// <summary>The status to filter by; a value that is not a status is said at the status field (decision 0118).</summary>
    public ReferralStatus? Status { get; private set; }

    [FromQuery(Name = "q")] public string? Search { get; set; }

    [FromQuery(Name = "ReceivedFrom")] public DateInput ReceivedFrom { get; set; } = DateInput.Empty;

    [FromQuery(Name = "ReceivedTo")] public DateInput ReceivedTo { get; set; } = DateInput.Empty;

    public PagedList<ReferralSummaryDto> Referrals { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Whether anything narrows the list (for the "clear" link).</summary>
    public bool Filtered => Status is not null || !string.IsNullOrWhiteSpace(Search) || !ReceivedFrom.IsEmpty || !ReceivedTo.IsEmpty;

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        var (from, to) = Days();
        Status = Parse(status);
        CheckStatus(status);
        var (ok, found) = await TrySendAsync(new ListReferrals(Math.Clamp(page ?? 1, 1, Paging.MaxPage), Paging.DefaultPageSize, Status, Search?.Trim(), from, to), cancellationToken);
        if (ok && found is not null)
        {
            Referrals = found;
        }
    }

    /// <summary>The whole list (as searched and filtered) as CSV for a spreadsheet; the export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] string? status, CancellationToken cancellationToken)
    {
        var (from, to) = Days();
        CheckStatus(status);
        if (!ModelState.IsValid)
        {
            // Not every referral for a status the list does not know, nor for a day that is not a real date: the page, with
            // the error summary, says why.
            Status = Parse(status);
            Partials.ErrorSummary.Refused(HttpContext);
            return Page();
        }

        var rows = await Mediator.Send(new ExportReferrals(Parse(status), Search?.Trim(), from, to), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"referrals-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [T("Referrals.Reference"), T("Referrals.Child"), T("Referrals.Source"), T("Referrals.Urgency"), T("Referrals.Status"), T("Referrals.Received")],
            rows.Select(r => new[] { r.Reference, r.ChildName, T($"ReferralSource.{r.Source}"), T($"ReferralUrgency.{r.Urgency}"), T($"ReferralStatus.{r.Status}"), CsvFile.UkDateTime(r.ReceivedAtUtc) }));
    }

    /// <summary>This list's address with its search and filters, for the pages and the CSV link.</summary>
    public string Link(string? handler = null)
    {
        var query = new List<string>();
        foreach (var (name, value) in new[]
        {
            ("q", Search?.Trim()), ("status", Status?.ToString()), ("ReceivedFromDay", ReceivedFrom.Day), ("ReceivedFromMonth", ReceivedFrom.Month), ("ReceivedFromYear", ReceivedFrom.Year),
            ("ReceivedToDay", ReceivedTo.Day), ("ReceivedToMonth", ReceivedTo.Month), ("ReceivedToYear", ReceivedTo.Year), ("handler", handler),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? "/referrals" : "/referrals?" + string.Join('&', query);
    }

    /// <summary>The first and last days asked for; a day that is not a real date is shown as an error and not applied.</summary>
    private (DateOnly? From, DateOnly? To) Days() =>
        (DateOf(nameof(ReceivedFrom), ReceivedFrom, "The first day must be a real date, like 27 3 2026."),
         DateOf(nameof(ReceivedTo), ReceivedTo, "The last day must be a real date, like 27 3 2026."));

    private static ReferralStatus? Parse(string? status) => FormChoices.Choice<ReferralStatus>(status, ignoreCase: true);

    /// <summary>A status in the address that is not one of the statuses is an error at the field, not "any status".</summary>
    private void CheckStatus(string? status) => RefuseUnknown("status", status, Parse(status) is not null, "Choose one of the statuses.");
}
