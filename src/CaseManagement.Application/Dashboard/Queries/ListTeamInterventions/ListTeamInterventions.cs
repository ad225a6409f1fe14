using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard.Queries.ListTeamInterventions;

/// <summary>
/// The interventions a figure of the team's work counts: of a kind and provider (an agency, or an organisation named in
/// words), started, completed or stopped within the period; the latest first. <see cref="Export"/> gives every row (up
/// to <see cref="TeamWork.ExportLimit"/>) for a spreadsheet, and the export is audited.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ListTeamInterventions(
    InterventionMeasure Measure,
    DateOnly From,
    DateOnly To,
    Guid? KindId = null,
    Guid? ProviderAgencyId = null,
    string? Provider = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    bool Export = false) : IRequest<PagedList<TeamInterventionDto>>;

/// <summary>An intervention behind one of the team's figures, for the team manager's list.</summary>
public sealed record TeamInterventionDto(Guid Id, Guid CaseId, string ChildName, string KindEnglish, string KindWelsh, string Provider, InterventionStatus Status, DateOnly? ActualStart, DateOnly? ActualEnd);

public sealed class ListTeamInterventionsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListTeamInterventions, PagedList<TeamInterventionDto>>
{
    public async Task<PagedList<TeamInterventionDto>> Handle(ListTeamInterventions request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var chosen = TeamWork.Counted(db.Interventions.AsNoTracking().OfTeams(teamIds), request.Measure, request.From, request.To);
        if (request.KindId is { } kind)
        {
            chosen = chosen.Where(i => i.KindId == kind);
        }

        if (request.ProviderAgencyId is { } agency)
        {
            chosen = chosen.Where(i => i.ProviderAgencyId == agency);
        }
        else if (!string.IsNullOrWhiteSpace(request.Provider))
        {
            chosen = chosen.Where(i => i.ProviderAgencyId == null && i.ProviderName == request.Provider);
        }

        var (page, pageSize) = request.Export ? (1, TeamWork.ExportLimit) : (request.Page, request.PageSize);
        var total = await chosen.CountAsync(cancellationToken);
        var rows = await chosen
            .OrderByDescending(i => request.Measure == InterventionMeasure.Started ? i.ActualStart : i.ActualEnd).ThenBy(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Children, i => i.ChildId, c => c.Id, (i, c) => new { i.Id, i.CaseId, i.KindId, i.ProviderAgencyId, i.ProviderName, i.Status, i.ActualStart, i.ActualEnd, c.GivenName, c.FamilyName, c.PreferredName })
            .ToListAsync(cancellationToken);
        var kinds = await db.InterventionKinds.AsNoTracking().Where(k => teamIds.Contains(k.TeamId)).ToDictionaryAsync(k => k.Id, k => (k.NameEnglish, k.NameWelsh), cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var items = rows.Select(r => new TeamInterventionDto(
            r.Id, r.CaseId, ChildNames.Display(r.GivenName, r.FamilyName, r.PreferredName),
            kinds.GetValueOrDefault(r.KindId).NameEnglish ?? string.Empty, kinds.GetValueOrDefault(r.KindId).NameWelsh ?? string.Empty,
            r.ProviderAgencyId is { } a ? agencies.GetValueOrDefault(a, string.Empty) : r.ProviderName ?? string.Empty,
            r.Status, r.ActualStart, r.ActualEnd)).ToList();
        if (request.Export)
        {
            audit.Record(new AuditRecord(AuditAction.Export, "TeamInterventions", request.Measure.ToString(), null, Changes: null, Reason: $"{items.Count} rows; {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PagedList<TeamInterventionDto>(items, page, pageSize, total);
    }
}
