using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.AddCasePractitioner;
using CaseManagement.Application.Cases.Commands.AllocateCase;
using CaseManagement.Application.Cases.Commands.ChangeCaseDetails;
using CaseManagement.Application.Cases.Commands.CloseCase;
using CaseManagement.Application.Cases.Commands.HoldReview;
using CaseManagement.Application.Cases.Commands.MoveCaseload;
using CaseManagement.Application.Cases.Commands.RecordEngagement;
using CaseManagement.Application.Cases.Commands.RemoveCasePractitioner;
using CaseManagement.Application.Cases.Commands.ReopenCase;
using CaseManagement.Application.Cases.Commands.SetCasePriority;
using CaseManagement.Application.Cases.Commands.SetGoal;
using CaseManagement.Application.Cases.Commands.SetNextReview;
using CaseManagement.Application.Cases.Commands.UpdateGoal;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Cases.Queries.GetCaseChoices;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// Cases: the waiting list, allocation, seconded practitioners, the intervention, engagement, goals, reviews, closure
/// with an exit plan, and reopening. Every change is an entry on the child's timeline and in the audit trail.
/// </summary>
[Route("api/v1/cases")]
public sealed class CasesController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>
    /// Lists cases: <c>Waiting</c> (the waiting list, in priority then longest-wait order), <c>Open</c>, <c>Closed</c>,
    /// <c>Mine</c>, <c>ReviewsDueThisWeek</c> or <c>ReviewsOverdue</c>; sorted by a column (<c>sort</c>, <c>descending</c>)
    /// and filtered by the first referral's source, urgency and priority.
    /// </summary>
    [HttpGet]
    public Task<PagedList<CaseSummaryDto>> List(
        [FromQuery] CaseListFilter filter = CaseListFilter.Waiting,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        [FromQuery] Guid? caseManagerUserId = null,
        [FromQuery] CaseListSort sort = CaseListSort.Default,
        [FromQuery] bool descending = false,
        [FromQuery] ReferralSource? source = null,
        [FromQuery] ReferralUrgency? urgency = null,
        [FromQuery] AllocationPriority? priority = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListCases(filter, page, pageSize, caseManagerUserId, sort, descending, source, urgency, priority), cancellationToken);

    /// <summary>The team manager's view: caseloads (weighted by the latest assessment's ratings), the waiting list, countersignatures, reviews and duplicate decisions.</summary>
    [HttpGet("/api/v1/team/dashboard")]
    public Task<Application.Dashboard.Queries.GetTeamDashboard.TeamDashboardDto> Dashboard(CancellationToken cancellationToken) =>
        Mediator.Send(new Application.Dashboard.Queries.GetTeamDashboard.GetTeamDashboard(), cancellationToken);

    /// <summary>Moves every open case one person holds in the team to another case manager of the team; answers how many moved.</summary>
    [HttpPost("/api/v1/team/caseloads/{fromUserId:guid}/move")]
    public async Task<MoveCaseloadResponse> MoveCaseload(Guid fromUserId, MoveCaseloadRequest request, CancellationToken cancellationToken) =>
        new(await Mediator.Send(new MoveCaseload(fromUserId, request.ToUserId), cancellationToken));

    /// <summary>The team's assessments waiting for countersignature, oldest first, a page at a time.</summary>
    [HttpGet("/api/v1/team/awaiting-countersignature")]
    public Task<PagedList<Application.Assessments.Queries.AwaitingCountersignatureDto>> AwaitingCountersignature([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new Application.Assessments.Queries.ListAssessmentsAwaitingCountersignature.ListAssessmentsAwaitingCountersignature(page, pageSize), cancellationToken);

    /// <summary>One case: its child, case manager and history of allocation, practitioners, goals, reviews and referrals.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<CaseDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        FoundAsync(new GetCase(id), cancellationToken);

    /// <summary>Who the case can be allocated to, and which seconded practitioners can join it.</summary>
    [HttpGet("{id:guid}/choices")]
    [ProducesResponseType<CaseChoicesDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Choices(Guid id, CancellationToken cancellationToken) =>
        FoundAsync(new GetCaseChoices(id), cancellationToken);

    /// <summary>Allocates (or reallocates) the case to a case manager of its team.</summary>
    [HttpPost("{id:guid}/allocation")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Allocate(Guid id, AllocationRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new AllocateCase(id, request.CaseManagerUserId, request.FirstReviewDue), cancellationToken);

    /// <summary>Adds a seconded practitioner to the case.</summary>
    [HttpPost("{id:guid}/practitioners")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> AddPractitioner(Guid id, PractitionerRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new AddCasePractitioner(id, request.UserId, request.Contribution), cancellationToken);

    /// <summary>Takes a seconded practitioner off the case; they no longer see it.</summary>
    [HttpDelete("{id:guid}/practitioners/{userId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> RemovePractitioner(Guid id, Guid userId, CancellationToken cancellationToken) =>
        NoContentAsync(new RemoveCasePractitioner(id, userId), cancellationToken);

    /// <summary>Sets the type of intervention and the enhanced case management flag.</summary>
    [HttpPut("{id:guid}/details")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Details(Guid id, DetailsRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new ChangeCaseDetails(id, request.InterventionType, request.EnhancedCaseManagement), cancellationToken);

    /// <summary>Records how far the child and family are engaging, as of a date.</summary>
    [HttpPost("{id:guid}/engagement")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Engagement(Guid id, EngagementRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new RecordEngagement(id, request.Status, request.On), cancellationToken);

    /// <summary>Sets the date the next review is due.</summary>
    [HttpPut("{id:guid}/next-review")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> NextReview(Guid id, NextReviewRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new SetNextReview(id, request.Due), cancellationToken);

    /// <summary>Sets the team's priority for allocating a case on the waiting list (<c>High</c>, <c>Normal</c> or <c>Low</c>).</summary>
    [HttpPut("{id:guid}/priority")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Priority(Guid id, PriorityRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new SetCasePriority(id, request.Priority), cancellationToken);

    /// <summary>Sets a goal, agreed with the child and family. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("{id:guid}/goals")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> SetGoal(Guid id, GoalRequest request, CancellationToken cancellationToken)
    {
        return await CreatedAsync(new SetGoal(id, request.Description, request.Owner, request.OwnerAgency, request.TargetDate), cancellationToken);
    }

    /// <summary>Changes a goal and records its progress (0 to 10) and status. Deprecated: use <c>PUT /api/v1/goals/{goalId}</c>.</summary>
    /// <remarks>Answers with <c>Deprecation</c> and <c>Sunset</c> headers; stops on 1 July 2027.</remarks>
    [HttpPut("goals/{goalId:guid}")]
    [Obsolete("Use PUT /api/v1/goals/{goalId} (GoalsController.Update): this path is ambiguous with /cases/{id}/... (decision 0065).")]
    [DeprecatedRoute("2026-12-06", "2027-07-01")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> UpdateGoal(Guid goalId, GoalUpdateRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new UpdateGoal(goalId, request.Description, request.Owner, request.OwnerAgency, request.TargetDate, request.Progress, request.Status), cancellationToken);

    /// <summary>Records a review. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("{id:guid}/reviews")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> HoldReview(Guid id, ReviewRequest request, CancellationToken cancellationToken)
    {
        return await CreatedAsync(
            new HoldReview(id, request.HeldOn, request.Goals ?? [], request.WhatIsWorking, request.ChildView, request.FamilyView, request.Recommendations, request.Decision, request.NextReviewDue),
            cancellationToken);
    }

    /// <summary>Closes the case with a reason and an exit plan.</summary>
    [HttpPost("{id:guid}/closure")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Close(Guid id, ClosureRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new CloseCase(id, request.Reason, request.ClosedOn, request.ExitServices ?? [], request.ExitPlan), cancellationToken);

    /// <summary>The team's outcome figures for a period (dates inclusive).</summary>
    [HttpGet("/api/v1/team/outcomes")]
    public Task<Application.Dashboard.Queries.GetOutcomeFigures.OutcomeFiguresDto> Outcomes([FromQuery] DateOnly from, [FromQuery] DateOnly to, CancellationToken cancellationToken) =>
        Mediator.Send(new Application.Dashboard.Queries.GetOutcomeFigures.GetOutcomeFigures(from, to), cancellationToken);

    /// <summary>Reopens a closed case.</summary>
    [HttpPost("{id:guid}/reopen")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> Reopen(Guid id, CancellationToken cancellationToken) =>
        NoContentAsync(new ReopenCase(id), cancellationToken);
}

public sealed record AllocationRequest(Guid CaseManagerUserId, DateOnly? FirstReviewDue);

public sealed record PractitionerRequest(Guid UserId, string Contribution);

public sealed record DetailsRequest(InterventionType InterventionType, bool EnhancedCaseManagement);

public sealed record EngagementRequest(EngagementStatus Status, DateOnly On);

public sealed record NextReviewRequest(DateOnly Due);

public sealed record PriorityRequest(AllocationPriority Priority);

public sealed record MoveCaseloadRequest(Guid ToUserId);

public sealed record MoveCaseloadResponse(int Moved);

public sealed record GoalRequest(string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate);

public sealed record GoalUpdateRequest(string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus Status);

public sealed record ReviewRequest(
    DateOnly HeldOn,
    IReadOnlyList<GoalProgressAtReview>? Goals,
    string? WhatIsWorking,
    string? ChildView,
    string? FamilyView,
    string? Recommendations,
    ReviewDecision Decision,
    DateOnly NextReviewDue);

public sealed record ClosureRequest(ClosureReason Reason, DateOnly ClosedOn, IReadOnlyList<UniversalService>? ExitServices, string? ExitPlan);

/// <summary>The identifier of what was created.</summary>
public sealed record CreatedResponse(Guid Id);
