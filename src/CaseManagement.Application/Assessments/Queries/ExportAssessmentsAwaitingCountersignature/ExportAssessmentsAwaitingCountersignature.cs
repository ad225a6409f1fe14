using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Assessments.Queries.ExportAssessmentsAwaitingCountersignature;

/// <summary>Every assessment awaiting countersignature (up to the export limit), for a spreadsheet. The export is audited.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ExportAssessmentsAwaitingCountersignature : IRequest<IReadOnlyList<AwaitingCountersignatureDto>>;

public sealed class ExportAssessmentsAwaitingCountersignatureHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit)
    : IRequestHandler<ExportAssessmentsAwaitingCountersignature, IReadOnlyList<AwaitingCountersignatureDto>>
{
    public const int ExportLimit = 50_000;

    private readonly AwaitingCountersignature _awaiting = new(db, user, users);

    public async Task<IReadOnlyList<AwaitingCountersignatureDto>> Handle(ExportAssessmentsAwaitingCountersignature request, CancellationToken cancellationToken)
    {
        var items = await _awaiting.SummariesAsync(_awaiting.Awaiting().Take(ExportLimit), cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Export, "AssessmentsAwaitingCountersignature", "csv", null, Changes: null, Reason: $"{items.Count} rows"));
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }
}
