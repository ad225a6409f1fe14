using CaseManagement.Application.Work.Interventions.Commands.AddInterventionKind;
using CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionKind;
using CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionStatus;
using CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;
using CaseManagement.Application.Work.Interventions.Commands.SetInterventionSessions;
using CaseManagement.Application.Work.Interventions.Queries;
using CaseManagement.Application.Work.Interventions.Queries.GetIntervention;
using CaseManagement.Application.Work.Interventions.Queries.GetInterventionChoices;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventionKinds;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// Interventions offered to a child and delivered (kinds from the team's own list), and the team's list of kinds.
/// Whoever sees the case records on it; every change is on the child's timeline and in the audit trail.
/// </summary>
[Route("api/v1")]
public sealed class InterventionsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The interventions of a case, oldest first, with the sessions offered and attended counted from its contacts.</summary>
    [HttpGet("cases/{caseId:guid}/interventions")]
    [ProducesResponseType<CaseInterventionsDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new ListInterventions(caseId), cancellationToken);

    /// <summary>What an intervention of the case can be: the kinds the team offers, the agencies, the plan's goals and the assessed needs.</summary>
    [HttpGet("cases/{caseId:guid}/interventions/choices")]
    [ProducesResponseType<InterventionChoicesDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Choices(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new GetInterventionChoices(caseId), cancellationToken);

    /// <summary>Records an intervention offered to the child (planned). Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("cases/{caseId:guid}/interventions")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Record(Guid caseId, InterventionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(new RecordIntervention(caseId, request.KindId, request.ProviderAgencyId, request.ProviderName, request.PlannedStart, request.PlannedEnd, request.GoalIds, request.Needs), cancellationToken);
    }

    /// <summary>One intervention.</summary>
    [HttpGet("interventions/{interventionId:guid}")]
    [ProducesResponseType<InterventionDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid interventionId, CancellationToken cancellationToken) =>
        FoundAsync(new GetIntervention(interventionId), cancellationToken);

    /// <summary>Records that the intervention started, was completed, or stopped (with the reason), on a date.</summary>
    [HttpPost("interventions/{interventionId:guid}/status")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ChangeStatus(Guid interventionId, InterventionStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new ChangeInterventionStatus(interventionId, request.Status, request.On, request.Reason), cancellationToken);
    }

    /// <summary>Says which contacts of the case were sessions of the intervention (sessions offered and attended are counted from them).</summary>
    [HttpPut("interventions/{interventionId:guid}/sessions")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Sessions(Guid interventionId, InterventionSessionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new SetInterventionSessions(interventionId, request.ContactIds), cancellationToken);
    }

    /// <summary>The team's list of kinds of intervention, retired ones included (team managers).</summary>
    [HttpGet("team/intervention-kinds")]
    public Task<IReadOnlyList<InterventionKindDto>> Kinds([FromQuery] Guid? teamId, CancellationToken cancellationToken) =>
        Mediator.Send(new ListInterventionKinds(teamId), cancellationToken);

    /// <summary>Adds a kind of intervention to the team's list, named in English and Welsh.</summary>
    [HttpPost("team/intervention-kinds")]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddKind(InterventionKindRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(new AddInterventionKind(request.NameEnglish, request.NameWelsh, request.TeamId), cancellationToken);
    }

    /// <summary>Renames a kind of the team's list, and retires it (no longer offered; old records keep it) or offers it again.</summary>
    [HttpPut("team/intervention-kinds/{kindId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ChangeKind(Guid kindId, InterventionKindChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new ChangeInterventionKind(kindId, request.NameEnglish, request.NameWelsh, request.Retired), cancellationToken);
    }
}

/// <summary>An intervention to offer the child.</summary>
/// <param name="KindId">The kind, from the team's list of intervention kinds.</param>
/// <param name="ProviderAgencyId">The agency of the system that provides it; leave it out to name an organisation instead.</param>
/// <param name="ProviderName">The organisation that provides it, when it is not an agency of the system.</param>
/// <param name="PlannedStart">When it is planned to start.</param>
/// <param name="PlannedEnd">When it is planned to end.</param>
/// <param name="GoalIds">The case's goals it works towards.</param>
/// <param name="Needs">The assessed needs it answers, as codes such as <c>Caf:Learning</c>.</param>
public sealed record InterventionRequest(Guid? KindId, Guid? ProviderAgencyId, string? ProviderName, DateOnly? PlannedStart, DateOnly? PlannedEnd, IReadOnlyList<Guid>? GoalIds, IReadOnlyList<string>? Needs);

/// <summary>A step of an intervention: started, completed or stopped.</summary>
/// <param name="Status">The new status: Started, Completed or Stopped.</param>
/// <param name="On">The day it happened.</param>
/// <param name="Reason">Why it stopped early; required when stopped.</param>
public sealed record InterventionStatusRequest(InterventionStatus? Status, DateOnly? On, string? Reason);

/// <summary>The contacts that were sessions of an intervention.</summary>
/// <param name="ContactIds">The case's contacts, replacing the ones linked; sessions offered and attended are counted from them.</param>
public sealed record InterventionSessionsRequest(IReadOnlyList<Guid>? ContactIds);

/// <summary>A kind of intervention to add to a team's list.</summary>
/// <param name="NameEnglish">Its name in English.</param>
/// <param name="NameWelsh">Its name in Welsh.</param>
/// <param name="TeamId">The team whose list it joins; the manager's own team when they have one.</param>
public sealed record InterventionKindRequest(string? NameEnglish, string? NameWelsh, Guid? TeamId);

/// <summary>A change to a kind of intervention.</summary>
/// <param name="NameEnglish">Its name in English.</param>
/// <param name="NameWelsh">Its name in Welsh.</param>
/// <param name="Retired">True to stop offering it for new interventions.</param>
public sealed record InterventionKindChangeRequest(string? NameEnglish, string? NameWelsh, bool Retired);
