using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.StartReferralDraft;

/// <summary>Starts a referral on the question pages.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record StartReferralDraft : ICommand<Guid>;

public sealed class StartReferralDraftHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<StartReferralDraft, Guid>
{
    public async Task<Guid> Handle(StartReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = new ReferralDraft(user.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        db.ReferralDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }
}
