using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Notes.Queries.ListCaseNotes;

/// <summary>The case's notes the reader may see, newest first; <see cref="Search"/> finds notes containing the words, in any case.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListCaseNotes(Guid CaseId, string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<CaseNoteListDto?>;

/// <summary>A page of the case's notes, with the child and whether the reader sees the team's notes only.</summary>
public sealed record CaseNoteListDto(Guid CaseId, Guid ChildId, string ChildName, bool CaseIsOpen, bool SeesTeamOnly, PagedList<CaseNoteDto> Notes);

/// <summary>A note; <see cref="Versions"/> (its wording before each edit) is filled for the team only.</summary>
public sealed record CaseNoteDto(
    Guid Id,
    CaseNoteCategory Category,
    TimelineVisibility Visibility,
    string Text,
    DateTime WrittenAtUtc,
    Guid WrittenByUserId,
    string? WrittenBy,
    DateTime? EditedAtUtc,
    int Revision,
    bool CanEdit,
    IReadOnlyList<CaseNoteVersionDto> Versions);

/// <summary>One earlier wording of a case note, kept when the note was corrected.</summary>
public sealed record CaseNoteVersionDto(int Revision, CaseNoteCategory Category, TimelineVisibility Visibility, string Text, DateTime WrittenAtUtc, string? WrittenBy);

public sealed class ListCaseNotesHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit) : IRequestHandler<ListCaseNotes, CaseNoteListDto?>
{
    public async Task<CaseNoteListDto?> Handle(ListCaseNotes request, CancellationToken cancellationToken)
    {
        var onCase = await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.Id == request.CaseId)
            .Select(c => new { c.Id, c.ChildId, c.TeamId, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (onCase is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().Where(c => c.Id == onCase.ChildId).Select(c => new { c.GivenName, c.FamilyName, c.PreferredName }).SingleAsync(cancellationToken);
        var team = user.SeesTeamOnlyEntries(onCase.TeamId);
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.CaseId == onCase.Id).ReadableBy(team);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var words = CaseNote.Fold(request.Search);
            notes = notes.Where(n => n.SearchText.Contains(words));
        }

        var userId = user.UserId ?? Guid.Empty;
        var page = await notes.OrderByDescending(n => n.WrittenAtUtc).ToPagedListAsync(
            n => new CaseNoteDto(n.Id, n.Category, n.Visibility, n.Text, n.WrittenAtUtc, n.WrittenByUserId, null, n.EditedAtUtc, n.Revision, n.WrittenByUserId == userId, new List<CaseNoteVersionDto>()),
            request.Page, request.PageSize, cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var edited = page.Items.Where(n => n.Revision > 1).Select(n => n.Id).ToList();
        var versions = team && edited.Count > 0
            ? (await db.CaseNotes.AsNoTracking().Where(n => edited.Contains(n.Id)).SelectMany(n => n.Versions).ToListAsync(cancellationToken)).ToLookup(v => v.NoteId)
            : null;
        var items = page.Items.Select(n => n with
        {
            WrittenBy = names.GetValueOrDefault(n.WrittenByUserId),
            Versions = versions is null ? [] : versions[n.Id].OrderByDescending(v => v.Revision)
                .Select(v => new CaseNoteVersionDto(v.Revision, v.Category, v.Visibility, v.Text, v.WrittenAtUtc, names.GetValueOrDefault(v.WrittenByUserId))).ToList(),
        }).ToList();

        audit.Record(new AuditRecord(AuditAction.View, "ChildCase", onCase.Id.ToString(), onCase.ChildId, Reason: "Case notes"));
        await db.SaveChangesAsync(cancellationToken);
        return new CaseNoteListDto(
            onCase.Id, onCase.ChildId, Children.ChildNames.Display(child.GivenName, child.FamilyName, child.PreferredName), onCase.Status != Domain.Cases.CaseStatus.Closed, team,
            page with { Items = items });
    }
}
