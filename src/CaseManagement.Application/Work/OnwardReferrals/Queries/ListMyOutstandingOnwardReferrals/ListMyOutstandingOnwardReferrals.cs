using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;

/// <summary>
/// The case manager's outstanding onward referrals (not declined, not closed, the child not yet seen) on the open cases
/// they hold, longest waiting first, a page at a time.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListMyOutstandingOnwardReferrals(int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<OutstandingOnwardReferralDto>>;

/// <summary>An onward referral still waiting for the service's answer.</summary>
public sealed record OutstandingOnwardReferralDto(Guid Id, Guid CaseId, string ChildName, OnwardService Service, string? ServiceName, DateOnly ReferredOn, OnwardReferralStatus Status, int DaysWaited);

public sealed class ListMyOutstandingOnwardReferralsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListMyOutstandingOnwardReferrals, PagedList<OutstandingOnwardReferralDto>>
{
    public async Task<PagedList<OutstandingOnwardReferralDto>> Handle(ListMyOutstandingOnwardReferrals request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await Outstanding(db, user).OrderBy(r => r.ReferredOn).ThenBy(r => r.CreatedAtUtc)
            .Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => new { r.Id, r.CaseId, c.GivenName, c.FamilyName, c.PreferredName, r.Service, r.ServiceName, r.ReferredOn, r.Accepted })
            .ToPagedListAsync(x => x, request.Page, request.PageSize, cancellationToken);
        var items = found.Items.Select(x => new OutstandingOnwardReferralDto(
            x.Id, x.CaseId, ChildNames.Display(x.GivenName, x.FamilyName, x.PreferredName), x.Service, x.ServiceName, x.ReferredOn,
            x.Accepted == true ? OnwardReferralStatus.AwaitingFirstAppointment : OnwardReferralStatus.AwaitingDecision,
            Math.Max(0, today.DayNumber - x.ReferredOn.DayNumber))).ToList();
        return new PagedList<OutstandingOnwardReferralDto>(items, found.Page, found.PageSize, found.TotalCount);
    }

    /// <summary>The outstanding onward referrals of the open cases the user holds as case manager.</summary>
    public static IQueryable<OnwardReferral> Outstanding(IApplicationDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId ?? Guid.Empty;
        var mine = db.Cases.Where(c => c.CaseManagerUserId == userId && c.Status != CaseStatus.Closed);
        return db.OnwardReferrals.Where(r => mine.Any(c => c.Id == r.CaseId) && r.ClosedOn == null && r.FirstAppointmentOn == null && (r.Accepted == null || r.Accepted == true));
    }
}
