using CaseManagement.Application.Records.Documents.Queries.GetDocumentFile;
using CaseManagement.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Documents;

/// <summary>A document's content, always as an attachment (never shown as a page); not found for whoever may not read it.</summary>
public sealed class DownloadModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        DocumentFiles.Download(Response, await mediator.Send(new GetDocumentFile(id), cancellationToken));
}
