using CaseManagement.Application.Records.SubjectAccess.Commands.MarkRedactions;
using CaseManagement.Application.Records.SubjectAccess.Commands.ReleaseSubjectAccess;
using CaseManagement.Application.Records.SubjectAccess.Queries.ExportSubjectAccess;
using CaseManagement.Application.Records.SubjectAccess.Queries.GetSubjectAccessRequest;

namespace CaseManagement.Web.Pages.Team;

/// <summary>
/// One subject access request, step by step (decision 0062): mark what to redact, download the export to check it,
/// then record its release; the one-month deadline stays in view.
/// </summary>
public sealed class SubjectAccessRequestModel(IMediator mediator) : AppPageModel(mediator)
{
    public SubjectAccessStepsDto Steps { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public string? Words { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Words = Steps.Redactions;
    }

    /// <summary>The ZIP to check before release: the same file the API gives.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var export = await Mediator.Send(new ExportSubjectAccess(id), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(export.Zip, "application/zip", export.FileName);
    }

    public async Task<IActionResult> OnPostRedactionsAsync(Guid id, CancellationToken cancellationToken) =>
        (await TrySendAsync(new MarkRedactions(id, Words), cancellationToken)).Ok
            ? RedirectToPage("/Team/SubjectAccessRequest", new { id, done = "marked" })
            : await AgainAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken cancellationToken) =>
        (await TrySendAsync(new ReleaseSubjectAccess(id), cancellationToken)).Ok
            ? RedirectToPage("/Team/SubjectAccessRequest", new { id, done = "released" })
            : await AgainAsync(id, cancellationToken);

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) => Steps = await Mediator.Send(new GetSubjectAccessRequest(id), cancellationToken);
}
