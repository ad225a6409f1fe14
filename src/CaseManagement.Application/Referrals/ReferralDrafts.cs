using System.Text.Json;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>What the draft requests share: a draft is its owner's alone, its answers kept as JSON.</summary>
internal static class ReferralDrafts
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A draft saved before the date of birth could be left out (decision 0083) holds 0001-01-01 for "not given yet".
    public static SubmitReferral Answers(ReferralDraft draft) =>
        JsonSerializer.Deserialize<SubmitReferral>(draft.Answers, Json) is { } answers
            ? answers with { ChildDateOfBirth = answers.ChildDateOfBirth == default(DateOnly) ? null : answers.ChildDateOfBirth }
            : new SubmitReferral();

    public static async Task<ReferralDraft> OwnReferralDraftAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var owner = user.UserId;
        return await db.ReferralDrafts.SingleOrDefaultAsync(d => d.Id == id && d.OwnerUserId == owner, cancellationToken)
            ?? throw NotFoundException.For("Referral draft", id);
    }
}
