using CaseManagement.Application.Work.Meetings.Commands.ActOnDecision;
using CaseManagement.Application.Work.Meetings.Commands.RecordMeeting;
using CaseManagement.Application.Work.Meetings.Queries.ListMeetings;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>Multi-agency meetings about the child: who came from which agency, the child's and family's views, and decisions that become plan actions.</summary>
[Route("api/v1/cases/{caseId:guid}/meetings")]
public sealed class MeetingsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The case's meetings, newest first.</summary>
    [HttpGet]
    [ProducesResponseType<MeetingsDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new ListMeetings(caseId), cancellationToken);

    /// <summary>
    /// Records a meeting's minutes; with <c>decisionsBecomeActions</c>, every decision becomes a plan action as they are
    /// saved. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.
    /// </summary>
    [HttpPost]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Record(Guid caseId, MeetingRequest request, CancellationToken cancellationToken)
    {
        return await CreatedAsync(
            new RecordMeeting(caseId, request.HeldOn, request.Kind, request.Attendees ?? [], request.ChildView, request.FamilyView, request.Decisions ?? [], request.DecisionsBecomeActions),
            cancellationToken);
    }

    /// <summary>Makes one decision of the meeting an action of the professionals' plan; answers the action's id.</summary>
    [HttpPost("{meetingId:guid}/decisions/{decisionId:guid}/action")]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> ActOnDecision(Guid caseId, Guid meetingId, Guid decisionId, CancellationToken cancellationToken) =>
        CreatedAsync(new ActOnDecision(caseId, meetingId, decisionId), cancellationToken);
}

/// <summary>A multi-agency meeting about the child.</summary>
/// <param name="HeldOn">The day the meeting was held.</param>
/// <param name="Kind">What kind of meeting: Planning, Review, StrategyOrSafety, Exit or Other.</param>
/// <param name="Attendees">Who came (or sent apologies), from which agency and in what role.</param>
/// <param name="ChildView">What the child said, in their words.</param>
/// <param name="FamilyView">What the family said.</param>
/// <param name="Decisions">What was decided, each with the agency (and person) that owns it and a due date.</param>
/// <param name="DecisionsBecomeActions">True to add every decision to the professionals' plan as an action at once.</param>
public sealed record MeetingRequest(
    DateOnly? HeldOn,
    MeetingKind? Kind,
    IReadOnlyList<MeetingAttendeeFields>? Attendees,
    string? ChildView,
    string? FamilyView,
    IReadOnlyList<MeetingDecisionFields>? Decisions,
    bool DecisionsBecomeActions);
