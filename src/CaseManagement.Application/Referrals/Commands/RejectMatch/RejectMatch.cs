using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.RejectMatch;

/// <summary>
/// This known child is not the child the referral is about. Remembered: the child is not proposed again for this
/// referral. When no candidate is left, a new child is registered from the referral.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RejectMatch(Guid ReferralId, Guid ChildId, string? Note = null) : ICommand<Unit>;

public sealed class RejectMatchHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ChildMatcher matcher) : IRequestHandler<RejectMatch, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(RejectMatch request, CancellationToken cancellationToken)
    {
        var referral = await db.AwaitingDuplicateDecisionAsync(user, request.ReferralId, cancellationToken);
        var candidates = await db.MatchCandidatesOfAsync(referral.Id, cancellationToken);
        var rejected = candidates.SingleOrDefault(c => c.ChildId == request.ChildId)
            ?? throw NotFoundException.For("Match candidate", request.ChildId);
        var now = Now;
        rejected.Reject(now, user.UserId, request.Note);
        if (candidates.All(c => c.Status == MatchCandidateStatus.Rejected))
        {
            matcher.RegisterNewChild(referral, now, user.UserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
