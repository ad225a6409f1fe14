using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.Notes.Commands.EditCaseNote;
using CaseManagement.Application.Work.Notes.Commands.WriteCaseNote;
using CaseManagement.Application.Work.Notes.Queries.ListCaseNotes;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>A case's notes: quick notes by anyone on the case, each for every case member or the team only, with their edits kept.</summary>
[Route("api/v1/cases/{caseId:guid}/notes")]
public sealed class NotesController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The notes the reader may see, newest first; <c>search</c> finds the notes containing the words, in any case.</summary>
    [HttpGet]
    [ProducesResponseType<CaseNoteListDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, [FromQuery] string? search = null, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        FoundAsync(new ListCaseNotes(caseId, search, page, pageSize), cancellationToken);

    /// <summary>Adds a note. Send an <c>Idempotency-Key</c> header, or the note's own <c>id</c>: a retry creates nothing new.</summary>
    [HttpPost]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Write(Guid caseId, CaseNoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(new WriteCaseNote(caseId, request.Id ?? Guid.NewGuid(), request.Category, request.Visibility, request.Text), cancellationToken);
    }

    /// <summary>Edits a note you wrote; its wording before is kept for the team. Send the <c>revision</c> you read.</summary>
    [HttpPut("{noteId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Edit(Guid caseId, Guid noteId, CaseNoteEditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new EditCaseNote(caseId, noteId, request.Revision, request.Category, request.Visibility, request.Text), cancellationToken);
    }
}

/// <summary>A quick note to add to the case.</summary>
/// <param name="Id">The note's own id, chosen by the client so that a retry finds it instead of adding it twice; made by the server when left out.</param>
/// <param name="Category">What the note is about.</param>
/// <param name="Visibility">Who reads it: EveryoneOnTheCase, or the team only.</param>
/// <param name="Text">The note.</param>
public sealed record CaseNoteRequest(Guid? Id, CaseNoteCategory? Category, TimelineVisibility? Visibility, string? Text);

/// <summary>A change to a note; the earlier text is kept in its history.</summary>
/// <param name="Revision">The revision of the note you read; a change made by someone else since is refused rather than lost.</param>
/// <param name="Category">What the note is about.</param>
/// <param name="Visibility">Who reads it: EveryoneOnTheCase, or the team only.</param>
/// <param name="Text">The note.</param>
public sealed record CaseNoteEditRequest(int? Revision, CaseNoteCategory? Category, TimelineVisibility? Visibility, string? Text);
