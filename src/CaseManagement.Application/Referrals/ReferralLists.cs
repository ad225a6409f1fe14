using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>The referrals a list shows, newest first: one reading for the list's pages and for its export.</summary>
internal static class ReferralLists
{
    public static async Task<IOrderedQueryable<Referral>> ChosenReferralsAsync(this IApplicationDbContext db, ICurrentUser user, DateTime now, ReferralStatus? status, CancellationToken cancellationToken)
    {
        var granted = await db.GrantedReferralIdsAsync(user, now, cancellationToken);
        var query = db.Referrals.VisibleTo(user, granted);
        if (status is { } only)
        {
            query = query.Where(r => r.Status == only);
        }

        return query.OrderByDescending(r => r.ReceivedAtUtc).ThenBy(r => r.Id);
    }
}
