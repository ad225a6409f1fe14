using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>Decisions on a referral belong to the team it was sent to: anyone else is told nothing, not even that it exists.</summary>
internal static class TeamReferrals
{
    public static async Task<Referral> ForDecisionAsync(this IApplicationDbContext db, ICurrentUser user, Guid referralId, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        return await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && teamIds.Contains(r.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Referral", referralId);
    }
}
