using CaseManagement.Domain.Referrals;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Jobs.Commands.PurgeReferralDrafts;

/// <summary>
/// Deletes unfinished referral drafts not touched for <see cref="ReferralDraft.KeptFor"/>. Drafts are the only thing
/// the system ever deletes; a sent draft stays, because its id is the submission key that stops a second referral.
/// </summary>
[Authorize(Roles.System)]
public sealed record PurgeReferralDrafts : IRequest<int>;

internal sealed partial class PurgeReferralDraftsHandler(IApplicationDbContext db, TimeProvider clock, ILogger<PurgeReferralDraftsHandler> logger) : IRequestHandler<PurgeReferralDrafts, int>
{
    public async Task<int> Handle(PurgeReferralDrafts request, CancellationToken cancellationToken)
    {
        var cutOff = clock.GetUtcNow().UtcDateTime - ReferralDraft.KeptFor;
        var deleted = await db.ReferralDrafts
            .Where(d => d.SubmittedReferralId == null && d.UpdatedAtUtc < cutOff)
            .ExecuteDeleteAsync(cancellationToken);
        LogDeleted(logger, deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unfinished referral drafts older than the keeping period")]
    private static partial void LogDeleted(ILogger logger, int count);
}
