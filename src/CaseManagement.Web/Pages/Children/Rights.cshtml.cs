using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Records.Rights.Commands.ChangeProcessing;
using CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;
using CaseManagement.Application.Records.Rights.Queries.GetChildRights;
using CaseManagement.Application.Records.SubjectAccess.Commands.ReceiveSubjectAccessRequest;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Children;

/// <summary>
/// A child's rights over their record (decision 0062): the details with their corrections, the restriction of
/// processing (placed or lifted with a reason) and the subject access requests, each step a request of issue 20.
/// </summary>
public sealed class RightsModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    public ChildRightsDto Rights { get; private set; } = null!;

    public bool MayCorrect => user.MaySend<CorrectChildDetails>();

    public bool MayRestrict => user.MaySend<ChangeProcessing>();

    public bool MayReceiveRequests => user.MaySend<ReceiveSubjectAccessRequest>();

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public DateInput ReceivedOn { get; set; } = DateInput.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, restrict: true, cancellationToken);

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, restrict: false, cancellationToken);

    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        var receivedOn = DateOf(nameof(ReceivedOn), ReceivedOn, "The day the request was received must be a real date, like 27 3 2026.");
        var (ok, requestId) = await TrySendAsync(new ReceiveSubjectAccessRequest(id, receivedOn), cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Team/SubjectAccessRequest", new { id = requestId });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Guid id, bool restrict, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(new ChangeProcessing(id, restrict, Reason), cancellationToken)).Ok)
        {
            return RedirectToPage("/Children/Rights", new { id, done = restrict ? "restricted" : "lifted" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) => Rights = await Mediator.Send(new GetChildRights(id), cancellationToken);
}
