using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.UndoLink;

/// <summary>Undoes a link made in error (by matching or by a person): the referral waits for a duplicate decision again.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UndoLink(Guid ReferralId, string Reason) : ICommand<Unit>;

public sealed class UndoLinkHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ChildMatcher matcher) : IRequestHandler<UndoLink, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(UndoLink request, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, request.ReferralId, cancellationToken);
        var now = Now;
        var childId = referral.Unlink(now, user.UserId, request.Reason);
        await matcher.RemoveFromIndexAsync(referral.Id, cancellationToken);

        // The child it was linked to is put back for a person to decide, beside anyone else matching now proposes.
        var candidate = await db.MatchCandidates.SingleOrDefaultAsync(c => c.ReferralId == referral.Id && c.ChildId == childId, cancellationToken);
        if (candidate is null)
        {
            var child = await db.Children.SingleAsync(c => c.Id == childId, cancellationToken);
            var result = await matcher.CompareAsync(referral, child, cancellationToken);
            db.MatchCandidates.Add(ChildMatcher.Candidate(referral, new ChildMatch(childId, result with { RightId = childId }), now, linkedAutomatically: false));
        }
        else
        {
            candidate.Reopen();
        }

        await matcher.ProposeAgainAsync(referral, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
