using CaseManagement.Application.Assessments;
using CaseManagement.Application.Assessments.Commands.CountersignAssessment;
using CaseManagement.Application.Assessments.Commands.ReturnAssessment;
using CaseManagement.Application.Assessments.Commands.SubmitAssessment;
using CaseManagement.Application.Assessments.Queries.GetAssessment;
using CaseManagement.Application.Common.Exceptions;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>
/// The assessment's task list: each section and how far it has got; submit when all are complete; a team manager
/// countersigns or returns it with comments. <c>?print=true</c> is the whole assessment, read-only, for A4.
/// </summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public AssessmentDto Assessment { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public bool Print { get; set; }

    [FromQuery(Name = "done")] public string? Done { get; set; }

    [BindProperty] public string? Comments { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new SubmitAssessment(id), "submitted", cancellationToken);

    public Task<IActionResult> OnPostCountersignAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new CountersignAssessment(id), "countersigned", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new ReturnAssessment(id, Comments ?? string.Empty), "returned", cancellationToken);

    private async Task<IActionResult> SendAsync(Guid id, IRequest<Unit> command, string done, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Assessments/Index", new { id, done });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Assessment = await Mediator.Send(new GetAssessment(id), cancellationToken) ?? throw NotFoundException.For("Assessment", id);
}
