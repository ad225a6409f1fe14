using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

/// <summary>What a case note is about (a fixed list, so notes can be found by it).</summary>
public enum CaseNoteCategory
{
    General,
    PhoneCall,
    Email,
    Safeguarding,
    Education,
    Health,
    Family,
    Other,
}

/// <summary>
/// A quick note on a case. A note seen by every case member or by the team only; an edit keeps the earlier wording as
/// a version, so what was written and when stays provable.
/// </summary>
public sealed class CaseNote : Entity
{
    public const int TextMaxLength = 4000;

    private readonly List<CaseNoteVersion> _versions = [];

    // For EF Core.
    private CaseNote()
        : base(Guid.Empty)
    {
        Text = string.Empty;
        SearchText = string.Empty;
    }

    private CaseNote(Guid id, ChildCase onCase, DateTime nowUtc, Guid byUserId)
        : base(id)
    {
        CaseId = onCase.Id;
        ChildId = onCase.ChildId;
        TeamId = onCase.TeamId;
        Text = string.Empty;
        SearchText = string.Empty;
        WrittenAtUtc = nowUtc;
        WrittenByUserId = byUserId;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public CaseNoteCategory Category { get; private set; }

    public TimelineVisibility Visibility { get; private set; }

    public string Text { get; private set; }

    /// <summary>
    /// The text folded to lower case here, not by the database: SQLite's lower() folds only A to Z, so a search for
    /// "ŵyr" would miss "Ŵyr"; with the folding done once, "contains" means the same on both databases.
    /// </summary>
    public string SearchText { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    public Guid WrittenByUserId { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    public Guid? EditedByUserId { get; private set; }

    /// <summary>1 for a note never edited; each edit keeps the wording before it as a version.</summary>
    public int Revision { get; private set; }

    public IReadOnlyCollection<CaseNoteVersion> Versions => _versions;

    /// <summary>Folds text for the note search, the same way for a note's text and for what is searched for.</summary>
    public static string Fold(string text) => (text ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Adds a note; <paramref name="id"/> is the form's own key, so a second press finds this note.</summary>
    public static CaseNote Write(Guid id, ChildCase onCase, CaseNoteCategory category, TimelineVisibility visibility, string text, DateTime nowUtc, Guid byUserId)
    {
        ArgumentNullException.ThrowIfNull(onCase);
        onCase.EnsureOpen("A closed case cannot have new notes. Reopen it first.");
        var note = new CaseNote(id, onCase, nowUtc, byUserId) { Revision = 1 };
        note.Set(category, visibility, text);
        return note;
    }

    /// <summary>Changes the note; the wording before the change is kept as a version, seen by the team.</summary>
    public void Edit(CaseNoteCategory category, TimelineVisibility visibility, string text, DateTime nowUtc, Guid byUserId)
    {
        if (category == Category && visibility == Visibility && string.Equals(text?.Trim(), Text, StringComparison.Ordinal))
        {
            return;
        }

        _versions.Add(new CaseNoteVersion(Id, Revision, Category, Visibility, Text, EditedAtUtc ?? WrittenAtUtc, EditedByUserId ?? WrittenByUserId));
        Set(category, visibility, text!);
        EditedAtUtc = nowUtc;
        EditedByUserId = byUserId;
        Revision++;
    }

    private void Set(CaseNoteCategory category, TimelineVisibility visibility, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Write the note.", "Text");
        }

        if (text.Trim().Length > TextMaxLength)
        {
            throw new DomainRuleException("The note must be 4000 characters or fewer.", "Text");
        }

        Category = category;
        Visibility = visibility;
        Text = text.Trim();
        SearchText = Fold(Text);
    }
}

/// <summary>A note's wording before one of its edits: what it said, and who wrote that wording when.</summary>
public sealed class CaseNoteVersion
{
    public CaseNoteVersion(Guid noteId, int revision, CaseNoteCategory category, TimelineVisibility visibility, string text, DateTime writtenAtUtc, Guid writtenByUserId)
    {
        Id = Guid.NewGuid();
        NoteId = noteId;
        Revision = revision;
        Category = category;
        Visibility = visibility;
        Text = text;
        WrittenAtUtc = writtenAtUtc;
        WrittenByUserId = writtenByUserId;
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public int Revision { get; private set; }

    public CaseNoteCategory Category { get; private set; }

    public TimelineVisibility Visibility { get; private set; }

    public string Text { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    public Guid WrittenByUserId { get; private set; }
}
