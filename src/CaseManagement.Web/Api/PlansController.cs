using CaseManagement.Application.Work.Needs.Queries.GetAssessedNeeds;
using CaseManagement.Application.Work.Plans.Commands.AddExitSupport;
using CaseManagement.Application.Work.Plans.Commands.AddMyPlanItem;
using CaseManagement.Application.Work.Plans.Commands.AddPlanAction;
using CaseManagement.Application.Work.Plans.Commands.ChangeMyPlanItem;
using CaseManagement.Application.Work.Plans.Commands.ChangePlanAction;
using CaseManagement.Application.Work.Plans.Commands.PublishPlan;
using CaseManagement.Application.Work.Plans.Commands.RemoveExitSupport;
using CaseManagement.Application.Work.Plans.Commands.RemoveMyPlanItem;
using CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;
using CaseManagement.Application.Work.Plans.Commands.SetOwnAgencyActionState;
using CaseManagement.Application.Work.Plans.Queries.GetNeedsCoverage;
using CaseManagement.Application.Work.Plans.Queries.GetPlan;
using CaseManagement.Application.Work.Plans.Queries.GetPlanVersion;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// The case's three-part plan: the child's own plan, the professionals' actions and the exit plan, each goal and action
/// linked to the assessed needs it answers (codes such as <c>Caf:Learning</c>); published versions; needs coverage.
/// </summary>
[Route("api/v1/cases/{caseId:guid}/plan")]
public sealed class PlansController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The plan as it stands (the draft), its versions and the needs it can answer.</summary>
    [HttpGet]
    [ProducesResponseType<PlanDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetPlan(caseId), cancellationToken);

    /// <summary>A published version, as it was agreed.</summary>
    [HttpGet("versions/{number:int}")]
    [ProducesResponseType<PlanVersionDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Version(Guid caseId, int number, CancellationToken cancellationToken) =>
        FoundAsync(new GetPlanVersion(caseId, number), cancellationToken);

    /// <summary>The case's assessed needs, from its latest submitted assessment.</summary>
    [HttpGet("needs")]
    [ProducesResponseType<AssessedNeedsDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Needs(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetAssessedNeeds(caseId), cancellationToken);

    /// <summary>Every assessed need with what answers it, and the significant needs nothing answers.</summary>
    [HttpGet("coverage")]
    [ProducesResponseType<NeedsCoverageDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Coverage(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetNeedsCoverage(caseId), cancellationToken);

    /// <summary>Adds a line to the child's own plan (<c>WhatIWant</c> or <c>WhoHelpsMe</c>). Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("my-plan")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> AddMyPlanItem(Guid caseId, MyPlanItemRequest request, CancellationToken cancellationToken) =>
        CreatedAsync(new AddMyPlanItem(caseId, request.Section, request.Text), cancellationToken);

    /// <summary>Changes the words of a line of the child's own plan.</summary>
    [HttpPut("my-plan/{itemId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> ChangeMyPlanItem(Guid caseId, Guid itemId, MyPlanTextRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new ChangeMyPlanItem(caseId, itemId, request.Text), cancellationToken);

    /// <summary>Takes a line out of the child's own plan (published versions keep it).</summary>
    [HttpDelete("my-plan/{itemId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> RemoveMyPlanItem(Guid caseId, Guid itemId, CancellationToken cancellationToken) =>
        NoContentAsync(new RemoveMyPlanItem(caseId, itemId), cancellationToken);

    /// <summary>Adds an action to the professionals' plan. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("actions")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> AddAction(Guid caseId, PlanActionRequest request, CancellationToken cancellationToken) =>
        CreatedAsync(new AddPlanAction(caseId, request.What, request.OwnerAgency, request.OwnerPerson, request.DueOn, request.Needs), cancellationToken);

    /// <summary>Changes an action: its wording, owner, due date, needs and state (<c>NotStarted</c>, <c>InProgress</c>, <c>Done</c>, <c>Dropped</c> with a reason).</summary>
    [HttpPut("actions/{actionId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> ChangeAction(Guid caseId, Guid actionId, PlanActionUpdateRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new ChangePlanAction(caseId, actionId, request.What, request.OwnerAgency, request.OwnerPerson, request.DueOn, request.Needs, request.State, request.DroppedReason), cancellationToken);

    /// <summary>
    /// For a seconded practitioner on the case: says how an action their own agency owns has got on, <c>InProgress</c>,
    /// <c>Done</c>, or <c>Dropped</c> (not possible) with the reason. Other agencies' actions and the wording stay the team's.
    /// </summary>
    [HttpPost("actions/{actionId:guid}/state")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> OwnAgencyActionState(Guid caseId, Guid actionId, OwnAgencyActionStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NoContentAsync(new SetOwnAgencyActionState(caseId, actionId, request.State, request.Reason), cancellationToken);
    }

    /// <summary>Adds a service or person who stays with the child to the exit plan. Send an <c>Idempotency-Key</c> header.</summary>
    [HttpPost("exit")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> AddExitSupport(Guid caseId, ExitSupportRequest request, CancellationToken cancellationToken) =>
        CreatedAsync(new AddExitSupport(caseId, request.Kind, request.Service, request.Name, request.WhatTheyDo), cancellationToken);

    /// <summary>Takes a service or person out of the exit plan (published versions keep it).</summary>
    [HttpDelete("exit/{supportId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> RemoveExitSupport(Guid caseId, Guid supportId, CancellationToken cancellationToken) =>
        NoContentAsync(new RemoveExitSupport(caseId, supportId), cancellationToken);

    /// <summary>Publishes the plan as it stands as the next version; answers its number.</summary>
    [HttpPost("versions")]
    [ProducesResponseType<PublishedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Publish(Guid caseId, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, new PublishedResponse(await Mediator.Send(new PublishPlan(caseId), cancellationToken)));

    /// <summary>Says which assessed needs a goal of the case answers. Deprecated: use <c>PUT /api/v1/goals/{goalId}/needs</c>.</summary>
    /// <remarks>Answers with <c>Deprecation</c> and <c>Sunset</c> headers; stops on 1 July 2027.</remarks>
    [HttpPut("/api/v1/cases/goals/{goalId:guid}/needs")]
    [Obsolete("Use PUT /api/v1/goals/{goalId}/needs (GoalsController.Needs): this path is ambiguous with /cases/{caseId}/... (decision 0065).")]
    [DeprecatedRoute("2026-12-06", "2027-07-01")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<IActionResult> GoalNeeds(Guid goalId, NeedsRequest request, CancellationToken cancellationToken) =>
        NoContentAsync(new SetGoalNeeds(goalId, request.Needs), cancellationToken);
}

/// <summary>A line of the child's own plan, in their words.</summary>
/// <param name="Section">Which question it answers: WhatIWant or WhoHelpsMe.</param>
/// <param name="Text">The line, in the child's words.</param>
public sealed record MyPlanItemRequest(MyPlanSection? Section, string Text);

/// <summary>New words for a line of the child's own plan.</summary>
/// <param name="Text">The line, in the child's words.</param>
public sealed record MyPlanTextRequest(string Text);

/// <summary>An action of the professionals' plan.</summary>
/// <param name="What">What is to be done.</param>
/// <param name="OwnerAgency">The agency that owns the action.</param>
/// <param name="OwnerPerson">The person who does it, when known.</param>
/// <param name="DueOn">When it is due (today or later).</param>
/// <param name="Needs">The assessed needs it answers, as codes such as <c>Caf:Learning</c>.</param>
public sealed record PlanActionRequest(string What, string OwnerAgency, string? OwnerPerson, DateOnly? DueOn, IReadOnlyList<string>? Needs);

/// <summary>A change to an action of the professionals' plan, and its state.</summary>
/// <param name="What">What is to be done.</param>
/// <param name="OwnerAgency">The agency that owns the action.</param>
/// <param name="OwnerPerson">The person who does it, when known.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Needs">The assessed needs it answers, as codes such as <c>Caf:Learning</c>.</param>
/// <param name="State">How far it has got: NotStarted, InProgress, Done or Dropped.</param>
/// <param name="DroppedReason">Why it was dropped; required when dropped.</param>
public sealed record PlanActionUpdateRequest(string What, string OwnerAgency, string? OwnerPerson, DateOnly? DueOn, IReadOnlyList<string>? Needs, PlanActionState? State, string? DroppedReason);

/// <summary>A service or person who stays with the child after the team steps back.</summary>
/// <param name="Kind">UniversalService or Person.</param>
/// <param name="Service">The universal service, when the kind is UniversalService.</param>
/// <param name="Name">The person's name (or the service's own name).</param>
/// <param name="WhatTheyDo">What they will do for the child.</param>
public sealed record ExitSupportRequest(ExitSupportKind? Kind, UniversalService? Service, string? Name, string WhatTheyDo);

/// <summary>The assessed needs a goal answers.</summary>
/// <param name="Needs">The needs, as codes such as <c>Caf:Learning</c>.</param>
public sealed record NeedsRequest(IReadOnlyList<string>? Needs);

/// <summary>How an action owned by the practitioner's own agency has got on.</summary>
/// <param name="State">InProgress (started), Done, or Dropped (not possible).</param>
/// <param name="Reason">Why the action is not possible; required when Dropped.</param>
public sealed record OwnAgencyActionStateRequest(PlanActionState? State, string? Reason);

/// <summary>The number of the version published.</summary>
public sealed record PublishedResponse(int Number);
