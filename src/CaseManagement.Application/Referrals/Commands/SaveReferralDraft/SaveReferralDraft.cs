using System.Text.Json;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.SaveReferralDraft;

/// <summary>
/// Saves the answers after one question page; only that page's answers are checked. With <paramref name="CheckOnly"/>
/// the answers are checked and nothing is saved (the page found a problem of its own and shows every message at once).
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record SaveReferralDraft(Guid DraftId, string Step, SubmitReferral.SubmitReferral Answers, bool CheckOnly = false) : ICommand<Unit>;

public sealed class SaveReferralDraftHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IValidator<SubmitReferral.SubmitReferral> validator) : IRequestHandler<SaveReferralDraft, Unit>
{
    public async Task<Unit> Handle(SaveReferralDraft request, CancellationToken cancellationToken)
    {
        var draft = await db.OwnReferralDraftAsync(user, request.DraftId, cancellationToken);
        if (!ReferralSteps.Fields.TryGetValue(request.Step, out var fields))
        {
            throw NotFoundException.For("Question page", request.Step);
        }

        var result = await validator.ValidateAsync(request.Answers, cancellationToken);
        var errors = result.Errors.Where(e => fields.Contains(ReferralSteps.FieldOf(e.PropertyName), StringComparer.Ordinal)).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (request.CheckOnly)
        {
            return Unit.Value;
        }

        draft.Save(request.Step, JsonSerializer.Serialize(request.Answers with { SubmissionKey = null, ChildPostcode = ReferralIntake.NormalisePostcode(request.Answers.ChildPostcode) }, ReferralDrafts.Json), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
