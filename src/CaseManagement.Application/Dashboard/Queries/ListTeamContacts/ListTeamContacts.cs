using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard.Queries.ListTeamContacts;

/// <summary>
/// The contacts an attendance figure counts: attended or not attended within the period, of the cases one case manager
/// holds (or all the team's), the latest first. <see cref="Export"/> gives every row for a spreadsheet, audited.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ListTeamContacts(
    ContactOutcome Outcome,
    DateOnly From,
    DateOnly To,
    Guid? CaseManagerUserId = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    bool Export = false) : IRequest<PagedList<TeamContactDto>>;

/// <summary>A contact behind one of the team's figures, for the team manager's list.</summary>
public sealed record TeamContactDto(Guid Id, Guid CaseId, string ChildName, DateTime StartsAtUtc, ContactKind Kind, ContactOutcome Outcome);

public sealed class ListTeamContactsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListTeamContacts, PagedList<TeamContactDto>>
{
    public async Task<PagedList<TeamContactDto>> Handle(ListTeamContacts request, CancellationToken cancellationToken)
    {
        var outcome = request.Outcome;
        var chosen = TeamWork.Held(db.Contacts.AsNoTracking(), user.TeamIds.ToList(), request.From, request.To).Where(c => c.Outcome == outcome);
        if (request.CaseManagerUserId is { } manager)
        {
            chosen = chosen.Where(c => db.Cases.Any(k => k.Id == c.CaseId && k.CaseManagerUserId == manager));
        }

        var (page, pageSize) = request.Export ? (1, TeamWork.ExportLimit) : (request.Page, request.PageSize);
        var found = await chosen.OrderByDescending(c => c.StartsAtUtc).ThenBy(c => c.Id)
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { c.Id, c.CaseId, k.GivenName, k.FamilyName, k.PreferredName, c.StartsAtUtc, c.Kind, c.Outcome })
            .ToPagedListAsync(x => x, page, pageSize, cancellationToken);
        var items = found.Items.Select(x => new TeamContactDto(x.Id, x.CaseId, ChildNames.Display(x.GivenName, x.FamilyName, x.PreferredName), x.StartsAtUtc, x.Kind, x.Outcome)).ToList();
        if (request.Export)
        {
            audit.Record(new AuditRecord(AuditAction.Export, "TeamContacts", outcome.ToString(), null, Changes: null, Reason: $"{items.Count} rows; {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PagedList<TeamContactDto>(items, found.Page, found.PageSize, found.TotalCount);
    }
}
