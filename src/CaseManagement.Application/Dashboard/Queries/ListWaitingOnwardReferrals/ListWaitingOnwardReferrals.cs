using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;

/// <summary>
/// The team's onward referrals still waiting (not declined, not closed, the child not yet seen), of one service or all,
/// the longest waiting first: the list behind the team's waiting figures. <see cref="Export"/> gives every row for a
/// spreadsheet, and the export is audited.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ListWaitingOnwardReferrals(OnwardService? Service = null, int Page = 1, int PageSize = Paging.DefaultPageSize, bool Export = false)
    : IRequest<PagedList<OutstandingOnwardReferralDto>>;

public sealed class ListWaitingOnwardReferralsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListWaitingOnwardReferrals, PagedList<OutstandingOnwardReferralDto>>
{
    public async Task<PagedList<OutstandingOnwardReferralDto>> Handle(ListWaitingOnwardReferrals request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var chosen = TeamWork.Waiting(db.OnwardReferrals.AsNoTracking().OfTeams(user.TeamIds.ToList()));
        if (request.Service is { } service)
        {
            chosen = chosen.Where(r => r.Service == service);
        }

        var (page, pageSize) = request.Export ? (1, TeamWork.ExportLimit) : (request.Page, request.PageSize);
        var found = await chosen.OrderBy(r => r.ReferredOn).ThenBy(r => r.Id)
            .Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => new { r.Id, r.CaseId, c.GivenName, c.FamilyName, c.PreferredName, r.Service, r.ServiceName, r.ReferredOn, r.Accepted })
            .ToPagedListAsync(x => x, page, pageSize, cancellationToken);
        var items = found.Items.Select(x => new OutstandingOnwardReferralDto(
            x.Id, x.CaseId, ChildNames.Display(x.GivenName, x.FamilyName, x.PreferredName), x.Service, x.ServiceName, x.ReferredOn,
            x.Accepted == true ? OnwardReferralStatus.AwaitingFirstAppointment : OnwardReferralStatus.AwaitingDecision,
            Math.Max(0, today.DayNumber - x.ReferredOn.DayNumber))).ToList();
        if (request.Export)
        {
            audit.Record(new AuditRecord(AuditAction.Export, "WaitingOnwardReferrals", request.Service?.ToString() ?? "All", null, Changes: null, Reason: $"{items.Count} rows"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PagedList<OutstandingOnwardReferralDto>(items, found.Page, found.PageSize, found.TotalCount);
    }
}
