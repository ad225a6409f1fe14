using CaseManagement.Application.Records.Documents.Commands.UploadDocument;
using CaseManagement.Application.Records.Documents.Queries.ListDocuments;
using CaseManagement.Domain.Records;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Documents;

/// <summary>The documents kept with one record, and the form that adds one (a plain file input; the script adds drag and drop and progress).</summary>
[RequestSizeLimit(DocumentFiles.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.MaxRequestBytes)]
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public DocumentOwner Owner { get; private set; }

    public Guid OwnerId { get; private set; }

    public DocumentListDto Documents { get; private set; } = new(null, []);

    public string? Done { get; private set; }

    // Named "File" in the form, as the request's rule names the field (PageModel has a File method of its own).
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Category { get; set; }

    [BindProperty] public string? Sensitivity { get; set; } = nameof(DocumentSensitivity.EveryoneOnTheRecord);

    public async Task<IActionResult> OnGetAsync(string owner, Guid ownerId, string? done, CancellationToken cancellationToken)
    {
        Done = done;
        return await LoadAsync(owner, ownerId, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string owner, Guid ownerId, CancellationToken cancellationToken)
    {
        if (FormChoices.Choice<DocumentOwner>(owner, ignoreCase: true) is not { } kind)
        {
            return NotFound();
        }

        var content = await DocumentFiles.ReadAsync(Upload, cancellationToken);
        var command = new UploadDocument(kind, ownerId, Title, FormChoices.Choice<DocumentCategory>(Category), FormChoices.Choice<DocumentSensitivity>(Sensitivity), Upload?.FileName, content);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Documents/Index", new { owner = kind.ToString().ToLowerInvariant(), ownerId, done = "uploaded" });
        }

        return await LoadAsync(owner, ownerId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string owner, Guid ownerId, CancellationToken cancellationToken)
    {
        if (FormChoices.Choice<DocumentOwner>(owner, ignoreCase: true) is not { } kind)
        {
            return false;
        }

        (Owner, OwnerId) = (kind, ownerId);
        Documents = await Mediator.Send(new ListDocuments(kind, ownerId), cancellationToken);
        return true;
    }
}
