using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.SearchAudit;
using CaseManagement.Application.Audit.Queries.VerifyAudit;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Queries.ListUsers;
using CaseManagement.Domain.Audit;
using Microsoft.AspNetCore.Http.Extensions;

namespace CaseManagement.Web.Pages.Audit;

/// <summary>The audit trail for auditors: filters, pages, a CSV download and a check of the hash chain.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public new Guid? User { get; set; }

    [BindProperty(SupportsGet = true, Name = "child")]
    public string? Child { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public AuditAction? Action { get; set; }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public PagedList<AuditEntryDto> Entries { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public AuditVerification? Verification { get; private set; }

    /// <summary>The filters as a query string, carried by the export link and the pagination.</summary>
    public string QueryString
    {
        get
        {
            var query = new QueryBuilder();
            if (User is { } user)
            {
                query.Add("user", user.ToString());
            }

            if (!string.IsNullOrWhiteSpace(Child))
            {
                query.Add("child", Child.Trim());
            }

            if (From is { } from)
            {
                query.Add("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (To is { } to)
            {
                query.Add("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (Action is { } action)
            {
                query.Add("action", action.ToString());
            }

            return query.ToQueryString().Value ?? string.Empty;
        }
    }

    public AuditFilter Filter => new(Guid.TryParse(Child, out var child) ? child : null, User, From, To, Action);

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        Users = await Mediator.Send(new ListUsers(), cancellationToken);
        var (ok, entries) = await TrySendAsync(new SearchAudit(Filter, Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);
        if (ok)
        {
            Entries = entries!;
        }
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await Mediator.Send(new VerifyAudit(), cancellationToken);
        await OnGetAsync(1, cancellationToken);
    }
}
