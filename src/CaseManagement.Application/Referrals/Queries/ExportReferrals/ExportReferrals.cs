using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.ExportReferrals;

/// <summary>Every referral of the list (newest first, up to <see cref="ExportReferralsHandler.ExportLimit"/>), for a spreadsheet. The export is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record ExportReferrals(ReferralStatus? Status = null, string? Search = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null) : IRequest<IReadOnlyList<ReferralSummaryDto>>;

public sealed class ExportReferralsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ExportReferrals, IReadOnlyList<ReferralSummaryDto>>
{
    public const int ExportLimit = 50_000;

    public async Task<IReadOnlyList<ReferralSummaryDto>> Handle(ExportReferrals request, CancellationToken cancellationToken)
    {
        var rows = await (await db.ChosenReferralsAsync(user, clock.GetUtcNow().UtcDateTime, new ReferralFilter(request.Status, request.Search, request.ReceivedFrom, request.ReceivedTo), cancellationToken)).Take(ExportLimit)
            .Select(ReferralSummaryDto.Projection).ToListAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Export, "ReferralList", request.Status?.ToString() ?? "All", null, Changes: null, Reason: $"{rows.Count} rows"));
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
