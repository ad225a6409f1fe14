using CaseManagement.Application.Work.Contacts;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Notes.Commands.WriteCaseNote;

/// <summary>
/// Adds a quick note to a case, by anyone on it; answers its id. The <see cref="NoteId"/> is the form's own key: sending
/// the same one again answers with the note it made.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record WriteCaseNote(Guid CaseId, Guid NoteId, CaseNoteCategory? Category, TimelineVisibility? Visibility, string? Text) : ICommand<Guid>, IIdempotentCommand, INoteFields;

public sealed class WriteCaseNoteHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<WriteCaseNote, Guid>
{
    public async Task<Guid> Handle(WriteCaseNote request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenAccessException();
        var earlier = await db.CaseNotes.AsNoTracking().Where(n => n.Id == request.NoteId).Select(n => new { n.CaseId, n.WrittenByUserId }).SingleOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            return earlier.CaseId == request.CaseId && earlier.WrittenByUserId == userId
                ? request.NoteId
                : throw new Domain.Common.DomainRuleException("This form has already been used. Start a new note.");
        }

        var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var note = CaseNote.Write(request.NoteId, onCase, request.Category!.Value, user.VisibilityFor(onCase.TeamId, request.Visibility!.Value), request.Text!, clock.GetUtcNow().UtcDateTime, userId);
        db.CaseNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note.Id;
    }
}
