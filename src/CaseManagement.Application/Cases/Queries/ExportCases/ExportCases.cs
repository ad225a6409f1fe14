using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.ExportCases;

/// <summary>Every case of a list (as <see cref="ListCases"/> chooses and orders them, without pages), for a spreadsheet. The export is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ExportCases(ListCases.ListCases List) : IRequest<IReadOnlyList<CaseSummaryDto>>;

public sealed class ExportCasesHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ExportCases, IReadOnlyList<CaseSummaryDto>>
{
    /// <summary>The most rows one export gives (a team's lists are far shorter).</summary>
    public const int ExportLimit = 50_000;

    private readonly CaseLists _lists = new(db, user, users, clock);

    public async Task<IReadOnlyList<CaseSummaryDto>> Handle(ExportCases request, CancellationToken cancellationToken)
    {
        var items = await _lists.SummariesAsync(CaseLists.Ordered(await _lists.ChosenAsync(request.List, cancellationToken), request.List).Take(ExportLimit), cancellationToken);
        var list = request.List;
        var filters = string.Join(", ", new[]
        {
            list.CaseManagerUserId is { } manager ? $"case manager {manager}" : null,
            list.Source is { } source ? $"source {source}" : null,
            list.Urgency is { } urgency ? $"urgency {urgency}" : null,
            list.Priority is { } priority ? $"priority {priority}" : null,
        }.Where(f => f is not null));
        audit.Record(new AuditRecord(AuditAction.Export, "CaseList", list.Filter.ToString(), null, Changes: null, Reason: filters.Length == 0 ? $"{items.Count} rows" : $"{items.Count} rows; {filters}"));
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }
}
