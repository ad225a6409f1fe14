using CaseManagement.Application.Records.Documents.Commands.UploadDocument;
using CaseManagement.Application.Records.Documents.Queries;
using CaseManagement.Application.Records.Documents.Queries.GetDocumentFile;
using CaseManagement.Application.Records.Documents.Queries.ListDocuments;
using CaseManagement.Domain.Records;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Api;

/// <summary>Documents kept with a child, referral, case, assessment or contact (issue 20).</summary>
[Route("api/v1")]
public sealed class DocumentsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Lists the documents kept with one record you can see, newest first.</summary>
    [HttpGet("documents")]
    public Task<DocumentListDto> List([FromQuery] DocumentOwner? ownerKind, [FromQuery] Guid ownerId, CancellationToken cancellationToken) =>
        Mediator.Send(new ListDocuments(ownerKind, ownerId), cancellationToken);

    /// <summary>Uploads a document (multipart form) and keeps it with a record you can see.</summary>
    /// <remarks>
    /// PDF, Word (DOCX or DOC), PNG, JPEG, GIF or plain UTF-8 text, up to 20 MB; the type is read from the content, not
    /// the name, and anything else (HTML, SVG, programs) is refused with 400.
    /// </remarks>
    [HttpPost("documents")]
    [RequestSizeLimit(DocumentFiles.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.MaxRequestBytes)]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Upload([FromForm] DocumentUploadForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await CreatedAsync(form.OwnerKind, form.OwnerId, form, cancellationToken);
    }

    /// <summary>Attaches a document to a referral you sent (a partner system) or can see (multipart form).</summary>
    /// <remarks>The same types and limit as <c>POST /api/v1/documents</c>.</remarks>
    [HttpPost("referrals/{referralId:guid}/documents")]
    [RequestSizeLimit(DocumentFiles.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.MaxRequestBytes)]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status201Created)]
    public Task<IActionResult> AttachToReferral(Guid referralId, [FromForm] DocumentFileForm form, CancellationToken cancellationToken) =>
        CreatedAsync(DocumentOwner.Referral, referralId, form, cancellationToken);

    /// <summary>Downloads a document's content, always as an attachment.</summary>
    [HttpGet("documents/{id:guid}/content")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/octet-stream")]
    public async Task<IActionResult> Content(Guid id, CancellationToken cancellationToken) =>
        DocumentFiles.Download(Response, await Mediator.Send(new GetDocumentFile(id), cancellationToken));

    private async Task<IActionResult> CreatedAsync(DocumentOwner? kind, Guid ownerId, DocumentFileForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var content = await DocumentFiles.ReadAsync(form.File, cancellationToken);
        var document = await Mediator.Send(new UploadDocument(kind, ownerId, form.Title, form.Category, form.Sensitivity, form.File?.FileName, content), cancellationToken);
        return CreatedAtAction(nameof(Content), new { id = document.Id }, document);
    }
}

/// <summary>A document's file and what it is.</summary>
public class DocumentFileForm
{
    /// <summary>The file.</summary>
    public IFormFile? File { get; set; }

    /// <summary>What the document is (up to 200 characters).</summary>
    public string? Title { get; set; }

    /// <summary>The kind of document.</summary>
    public DocumentCategory? Category { get; set; }

    /// <summary>Who reads it; everyone who sees the record unless TeamOnly.</summary>
    public DocumentSensitivity? Sensitivity { get; set; }
}

/// <summary>A document's file, what it is, and the record to keep it with.</summary>
public sealed class DocumentUploadForm : DocumentFileForm
{
    /// <summary>The kind of record: Child, Referral, Case, Assessment or Contact.</summary>
    public DocumentOwner? OwnerKind { get; set; }

    /// <summary>The record's id.</summary>
    public Guid OwnerId { get; set; }
}
