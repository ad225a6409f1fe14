using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.AddCasePractitioner;
using CaseManagement.Application.Cases.Commands.AllocateCase;
using CaseManagement.Application.Cases.Commands.ChangeCaseDetails;
using CaseManagement.Application.Cases.Commands.RecordEngagement;
using CaseManagement.Application.Cases.Commands.RemoveCasePractitioner;
using CaseManagement.Application.Cases.Commands.ReopenCase;
using CaseManagement.Application.Cases.Commands.SetCasePriority;
using CaseManagement.Application.Cases.Commands.SetNextReview;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Cases.Queries.GetCaseChoices;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>
/// One case: the child, allocation (and its history), seconded practitioners, the intervention and engagement, the
/// next review, goals, reviews and referrals; the small changes are made here, the longer ones on their own pages.
/// </summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock, ICurrentUser user) : AppPageModel(mediator)
{
    public CaseDto Case { get; private set; } = null!;

    /// <summary>The work with the child so far, for those who record it (null for anyone else).</summary>
    public Application.Work.Queries.GetWorkSoFar.WorkSoFarDto? WorkSoFar { get; private set; }

    public CaseChoicesDto Choices { get; private set; } = new([], []);

    public IReadOnlyList<Application.Assessments.Queries.ListAssessments.AssessmentVersionDto> Assessments { get; private set; } = [];

    [BindProperty] public string? CaseManagerUserId { get; set; }

    [BindProperty] public DateInput FirstReviewDue { get; set; } = DateInput.Empty;

    [BindProperty] public string? UserId { get; set; }

    [BindProperty] public string? Contribution { get; set; }

    [BindProperty] public string? InterventionType { get; set; }

    [BindProperty] public bool EnhancedCaseManagement { get; set; }

    [BindProperty] public string? Status { get; set; }

    [BindProperty] public DateInput On { get; set; } = DateInput.Empty;

    [BindProperty] public DateInput Due { get; set; } = DateInput.Empty;

    /// <summary>What was just done, for the notification banner.</summary>
    [FromQuery(Name = "done")] public string? Done { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAllocateAsync(Guid id, CancellationToken cancellationToken)
    {
        var manager = Guid.TryParse(CaseManagerUserId, out var parsed) ? parsed : Guid.Empty;
        var due = DateOf(nameof(FirstReviewDue), FirstReviewDue, "The first review date must be a real date, like 27 3 2027.");
        return SendAsync(id, new AllocateCase(id, manager, due), "allocated", cancellationToken);
    }

    public Task<IActionResult> OnPostAddPractitionerAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new AddCasePractitioner(id, Guid.TryParse(UserId, out var user) ? user : Guid.Empty, Contribution ?? string.Empty), "practitioner-added", cancellationToken);

    public Task<IActionResult> OnPostRemovePractitionerAsync(Guid id, Guid userId, CancellationToken cancellationToken) =>
        SendAsync(id, new RemoveCasePractitioner(id, userId), "practitioner-removed", cancellationToken);

    public Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new ChangeCaseDetails(id, FormChoices.Choice<InterventionType>(InterventionType), EnhancedCaseManagement), "details", cancellationToken);

    public Task<IActionResult> OnPostEngagementAsync(Guid id, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(On), On, "The date must be a real date, like 27 3 2026.");
        return SendAsync(id, new RecordEngagement(id, FormChoices.Choice<EngagementStatus>(Status), on ?? default), "engagement", cancellationToken);
    }

    public Task<IActionResult> OnPostNextReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = DateOf(nameof(Due), Due, "The review date must be a real date, like 27 3 2027.");
        return SendAsync(id, new SetNextReview(id, due ?? default), "next-review", cancellationToken);
    }

    [BindProperty] public string? Priority { get; set; }

    /// <summary>Whole days since the case's first referral was received.</summary>
    public int DaysWaiting => (int)(clock.GetUtcNow().UtcDateTime - Case.FirstReferredAtUtc).TotalDays;

    public Task<IActionResult> OnPostPriorityAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new SetCasePriority(id, FormChoices.Choice<AllocationPriority>(Priority)), "priority", cancellationToken);

    public async Task<IActionResult> OnPostStartAssessmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, assessmentId) = await TrySendAsync(new Application.Assessments.Commands.StartAssessment.StartAssessment(id), cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Assessments/Index", new { id = assessmentId });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new ReopenCase(id), "reopened", cancellationToken);

    private async Task<IActionResult> SendAsync(Guid id, IRequest<Unit> command, string done, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Details", new { id, done });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Case = await Mediator.Send(new GetCase(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
        Assessments = await Mediator.Send(new Application.Assessments.Queries.ListAssessments.ListAssessments(id), cancellationToken) ?? [];
        if (user.MaySend<Application.Work.Queries.GetWorkSoFar.GetWorkSoFar>())
        {
            WorkSoFar = await Mediator.Send(new Application.Work.Queries.GetWorkSoFar.GetWorkSoFar(id), cancellationToken);
        }
        if (Case.CanChange)
        {
            Choices = await Mediator.Send(new GetCaseChoices(id), cancellationToken) ?? Choices;
        }

        if (Request.Method == HttpMethods.Get)
        {
            InterventionType = Case.InterventionType.ToString();
            EnhancedCaseManagement = Case.EnhancedCaseManagement;
            Status = Case.Engagement?.ToString();
        }
    }
}
