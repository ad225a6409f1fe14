using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.ConfirmMatch;

/// <summary>The referral is about this known child: link it, and move it on to screening.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ConfirmMatch(Guid ReferralId, Guid ChildId) : ICommand<Unit>;

public sealed class ConfirmMatchHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ChildMatcher matcher) : IRequestHandler<ConfirmMatch, Unit>
{
    private const string AnotherConfirmed = "Another record was confirmed as this child.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(ConfirmMatch request, CancellationToken cancellationToken)
    {
        var referral = await db.AwaitingDuplicateDecisionAsync(user, request.ReferralId, cancellationToken);
        var candidates = await db.MatchCandidatesOfAsync(referral.Id, cancellationToken);
        var chosen = candidates.SingleOrDefault(c => c.ChildId == request.ChildId)
            ?? throw NotFoundException.For("Match candidate", request.ChildId);
        var now = Now;
        chosen.Confirm(now, user.UserId);
        foreach (var other in candidates.Where(c => c != chosen && c.Status == MatchCandidateStatus.Proposed))
        {
            other.Reject(now, user.UserId, AnotherConfirmed);
        }

        referral.LinkToChild(chosen.ChildId, now, user.UserId);
        matcher.Index(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
