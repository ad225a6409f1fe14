using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.GetReferralDraft;

/// <summary>The answers so far.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record GetReferralDraft(Guid DraftId) : IRequest<ReferralDraftDto>;

/// <summary>The draft; <paramref name="SenderName"/> is the name the referrer question offers until one is given.</summary>
public sealed record ReferralDraftDto(Guid Id, SubmitReferral Answers, Guid? SubmittedReferralId, IReadOnlyList<string> CompletedSteps, string SenderName);

public sealed class GetReferralDraftHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetReferralDraft, ReferralDraftDto>
{
    public async Task<ReferralDraftDto> Handle(GetReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await db.OwnReferralDraftAsync(user, request.DraftId, cancellationToken);
        return new ReferralDraftDto(draft.Id, ReferralDrafts.Answers(draft), draft.SubmittedReferralId, draft.Completed, user.DisplayName);
    }
}
