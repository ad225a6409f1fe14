using CaseManagement.Application.Cases;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Notes;

/// <summary>
/// Need to know for case notes: everyone on the case reads the notes for every case member; the notes marked for the
/// team, and the earlier wording of edited notes, are read by the team only. A note is edited by whoever wrote it.
/// </summary>
public static class NoteAccess
{
    /// <summary>The notes of a case the reader may see.</summary>
    public static IQueryable<CaseNote> ReadableBy(this IQueryable<CaseNote> notes, bool seesTeamOnly) =>
        seesTeamOnly ? notes : notes.Where(n => n.Visibility == TimelineVisibility.EveryoneOnTheCase);

    /// <summary>What a seconded practitioner may choose: only what everyone on the case reads, as they cannot read the rest.</summary>
    public static TimelineVisibility VisibilityFor(this ICurrentUser user, Guid teamId, TimelineVisibility asked) =>
        user.SeesTeamOnlyEntries(teamId) ? asked : TimelineVisibility.EveryoneOnTheCase;
}

/// <summary>The fields a note is written and edited with.</summary>
public interface INoteFields
{
    CaseNoteCategory? Category { get; }

    TimelineVisibility? Visibility { get; }

    string? Text { get; }
}

public sealed class NoteFieldsValidator : AbstractValidator<INoteFields>
{
    public NoteFieldsValidator()
    {
        RuleFor(n => n.Category).NotNull().WithMessage("Choose what the note is about.").IsInEnum().WithMessage("Choose what the note is about.");
        RuleFor(n => n.Visibility).NotNull().WithMessage("Choose who may read the note.").IsInEnum().WithMessage("Choose who may read the note.");
        RuleFor(n => n.Text).NotEmpty().WithMessage("Write the note.")
            .MaximumLength(CaseNote.TextMaxLength).WithMessage("The note must be 4000 characters or fewer.");
    }
}
