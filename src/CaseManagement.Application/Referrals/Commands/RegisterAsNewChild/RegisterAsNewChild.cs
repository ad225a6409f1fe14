using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.RegisterAsNewChild;

/// <summary>None of the candidates is the child: every one is rejected and a new child is registered from the referral.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RegisterAsNewChild(Guid ReferralId, string? Note = null) : ICommand<Unit>;

public sealed class RegisterAsNewChildHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ChildMatcher matcher) : IRequestHandler<RegisterAsNewChild, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(RegisterAsNewChild request, CancellationToken cancellationToken)
    {
        var referral = await db.AwaitingDuplicateDecisionAsync(user, request.ReferralId, cancellationToken);
        var now = Now;
        foreach (var candidate in (await db.MatchCandidatesOfAsync(referral.Id, cancellationToken)).Where(c => c.Status == MatchCandidateStatus.Proposed))
        {
            candidate.Reject(now, user.UserId, request.Note);
        }

        matcher.RegisterNewChild(referral, now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
