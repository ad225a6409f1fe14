using CaseManagement.Application.Cases;
using CaseManagement.Application.Work.Contacts;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Notes.Commands.EditCaseNote;

/// <summary>Edits a note, by whoever wrote it; the wording before is kept as a version the team can read.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record EditCaseNote(Guid CaseId, Guid NoteId, int? Revision, CaseNoteCategory? Category, TimelineVisibility? Visibility, string? Text) : ICommand<Unit>, INoteFields;

public sealed class EditCaseNoteHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<EditCaseNote, Unit>
{
    public async Task<Unit> Handle(EditCaseNote request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenAccessException();
        var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var note = await db.CaseNotes.Include(n => n.Versions).ReadableBy(user.SeesTeamOnlyEntries(onCase.TeamId))
            .Where(n => n.Id == request.NoteId && n.CaseId == onCase.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("CaseNote", request.NoteId);
        if (note.WrittenByUserId != userId)
        {
            throw new ForbiddenAccessException("Only the person who wrote a note can edit it.");
        }

        if (request.Revision is { } read && read != note.Revision)
        {
            throw new Domain.Common.DomainRuleException("Someone changed this note since you opened it. Open it again to see their change.");
        }

        note.Edit(request.Category!.Value, user.VisibilityFor(onCase.TeamId, request.Visibility!.Value), request.Text!, clock.GetUtcNow().UtcDateTime, userId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
