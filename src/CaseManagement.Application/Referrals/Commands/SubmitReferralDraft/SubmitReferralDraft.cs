using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries;

namespace CaseManagement.Application.Referrals.Commands.SubmitReferralDraft;

/// <summary>Sends the referral. Sending the same draft again answers with the referral it created.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record SubmitReferralDraft(Guid DraftId) : ICommand<ReferralDto>, IIdempotentCommand;

public sealed class SubmitReferralDraftHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IMediator mediator) : IRequestHandler<SubmitReferralDraft, ReferralDto>
{
    public async Task<ReferralDto> Handle(SubmitReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await db.OwnReferralDraftAsync(user, request.DraftId, cancellationToken);

        // The draft's id is the submission key: a second press of the button, or a retry, finds the referral already made.
        var referral = await mediator.Send(ReferralDrafts.Answers(draft) with { SubmissionKey = draft.Id.ToString("N") }, cancellationToken);
        draft.MarkSubmitted(referral.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return referral;
    }
}
