using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Notes.Commands.EditCaseNote;
using CaseManagement.Application.Work.Notes.Commands.WriteCaseNote;
using CaseManagement.Application.Work.Notes.Queries.ListCaseNotes;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The case's notes, newest first, searched within the case; a quick note is added (or one's own edited) here.</summary>
public sealed class NotesModel(IMediator mediator) : AppPageModel(mediator)
{
    public CaseNoteListDto List { get; private set; } = null!;

    [FromQuery(Name = "search")] public string? Search { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The note being edited, when one is.</summary>
    [FromQuery(Name = "edit")] public Guid? Editing { get; set; }

    [FromQuery(Name = "done")] public string? Done { get; set; }

    [BindProperty] public Guid FormKey { get; set; }

    [BindProperty] public int Revision { get; set; }

    [BindProperty] public string? Category { get; set; }

    [BindProperty] public string? Visibility { get; set; }

    [BindProperty] public string? Text { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        FormKey = Guid.NewGuid();
        Category = nameof(CaseNoteCategory.General);
        Visibility = nameof(TimelineVisibility.EveryoneOnTheCase);
        if (Editing is { } noteId && List.Notes.Items.FirstOrDefault(n => n.Id == noteId && n.CanEdit) is { } note)
        {
            Category = note.Category.ToString();
            Visibility = note.Visibility.ToString();
            Text = note.Text;
            Revision = note.Revision;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var sent = Editing is { } noteId
            ? (await TrySendAsync(new EditCaseNote(id, noteId, Revision, FormChoices.Choice<CaseNoteCategory>(Category), FormChoices.Choice<TimelineVisibility>(Visibility), Text), cancellationToken)).Ok
            : (await TrySendAsync(new WriteCaseNote(id, FormKey, FormChoices.Choice<CaseNoteCategory>(Category), FormChoices.Choice<TimelineVisibility>(Visibility), Text), cancellationToken)).Ok;
        if (sent)
        {
            return RedirectToPage("/Cases/Work/Notes", new { id, done = Editing is null ? "added" : "edited" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        List = await Mediator.Send(new ListCaseNotes(id, Search, Math.Max(1, PageNumber)), cancellationToken) ?? throw NotFoundException.For("Case", id);
}
