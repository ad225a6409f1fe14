using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>What the duplicate decisions share: the referral waiting for one, and the children matching proposed for it.</summary>
internal static class DuplicateDecisions
{
    public static async Task<Referral> AwaitingDuplicateDecisionAsync(this IApplicationDbContext db, ICurrentUser user, Guid referralId, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, referralId, cancellationToken);
        return referral.Status == ReferralStatus.AwaitingDuplicateDecision
            ? referral
            : throw new DomainRuleException("This referral is not waiting for a duplicate decision.");
    }

    public static Task<List<MatchCandidate>> MatchCandidatesOfAsync(this IApplicationDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        db.MatchCandidates.Where(c => c.ReferralId == referralId).ToListAsync(cancellationToken);
}
