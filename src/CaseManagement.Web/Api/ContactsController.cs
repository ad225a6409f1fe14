using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.Contacts.Commands.ChangeContact;
using CaseManagement.Application.Work.Contacts.Commands.RecordContact;
using CaseManagement.Application.Work.Contacts.Commands.RecordContactOutcome;
using CaseManagement.Application.Work.Contacts.Queries.GetContact;
using CaseManagement.Application.Work.Contacts.Queries.ListContacts;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Api;

/// <summary>
/// A case's contacts (sessions) with the child, family and professionals: recorded by anyone on the case, seconded
/// staff included; each one that has happened is on the child's timeline. Sensitive notes are for the team only.
/// </summary>
[ApiController]
[Authorize(Policy = HostSetup.ApiPolicy)]
[Route("api/v1/cases/{caseId:guid}/contacts")]
public sealed class ContactsController(IMediator mediator) : ControllerBase
{
    /// <summary>The case's contacts, newest first (optionally of one <c>outcome</c>), and the next planned contact.</summary>
    [HttpGet]
    [ProducesResponseType<ContactListDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(Guid caseId, [FromQuery] ContactOutcome? outcome = null, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        await mediator.Send(new ListContacts(caseId, outcome, page, pageSize), cancellationToken) is { } found ? Ok(found) : NotFound();

    /// <summary>One contact in full.</summary>
    [HttpGet("{contactId:guid}")]
    [ProducesResponseType<ContactDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid caseId, Guid contactId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetContact(caseId, contactId), cancellationToken) is { } found ? Ok(found) : NotFound();

    /// <summary>
    /// Records a contact, held or planned. Send an <c>Idempotency-Key</c> header, or the contact's own <c>id</c>: a retry
    /// creates nothing new. Recorded as rearranged, it makes the new planned contact too. <c>interventionIds</c> names the
    /// case's interventions (planned or started) it was a session of; their sessions are counted from these links.
    /// </summary>
    [HttpPost]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Record(Guid caseId, ContactRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await mediator.Send(
            new RecordContact(
                caseId, request.Id ?? Guid.NewGuid(), request.Day, request.Time, request.LengthMinutes, request.Kind, request.Place, request.ChildTookPart,
                request.ParentsOrCarers, request.Professionals, request.WorkerIds, request.GoalIds, request.Summary, request.SensitiveNotes,
                request.Outcome, request.CancelledBy, request.CancelReason, request.NewDay, request.NewTime, request.InterventionIds),
            cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new CreatedResponse(id));
    }

    /// <summary>Corrects a contact's details; send the <c>revision</c> you read, so a change made meanwhile is not lost.</summary>
    /// <remarks><c>interventionIds</c> replaces the interventions it served; leave it out to keep them as they are.</remarks>
    [HttpPut("{contactId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Change(Guid caseId, Guid contactId, ContactChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await mediator.Send(
            new ChangeContact(
                caseId, contactId, request.Revision, request.Day, request.Time, request.LengthMinutes, request.Kind, request.Place, request.ChildTookPart,
                request.ParentsOrCarers, request.Professionals, request.WorkerIds, request.GoalIds, request.Summary, request.SensitiveNotes, request.InterventionIds),
            cancellationToken);
        return NoContent();
    }

    /// <summary>Says what became of a contact; rearranging answers with the new planned contact's id.</summary>
    [HttpPost("{contactId:guid}/outcome")]
    public Task<ContactOutcomeResult> Outcome(Guid caseId, Guid contactId, ContactOutcomeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return mediator.Send(
            new RecordContactOutcome(caseId, contactId, request.Revision, request.Outcome, request.CancelledBy, request.CancelReason, request.NewDay, request.NewTime, request.Summary),
            cancellationToken);
    }
}

public sealed record ContactRequest(
    Guid? Id,
    DateOnly? Day,
    TimeOnly? Time,
    int? LengthMinutes,
    ContactKind? Kind,
    string? Place,
    bool ChildTookPart,
    string? ParentsOrCarers,
    IReadOnlyList<ContactProfessional>? Professionals,
    IReadOnlyList<Guid>? WorkerIds,
    IReadOnlyList<Guid>? GoalIds,
    string? Summary,
    string? SensitiveNotes,
    ContactOutcome? Outcome,
    ContactCancelledBy? CancelledBy,
    string? CancelReason,
    DateOnly? NewDay,
    TimeOnly? NewTime,
    IReadOnlyList<Guid>? InterventionIds = null);

public sealed record ContactChangeRequest(
    int? Revision,
    DateOnly? Day,
    TimeOnly? Time,
    int? LengthMinutes,
    ContactKind? Kind,
    string? Place,
    bool ChildTookPart,
    string? ParentsOrCarers,
    IReadOnlyList<ContactProfessional>? Professionals,
    IReadOnlyList<Guid>? WorkerIds,
    IReadOnlyList<Guid>? GoalIds,
    string? Summary,
    string? SensitiveNotes,
    IReadOnlyList<Guid>? InterventionIds = null);

public sealed record ContactOutcomeRequest(int? Revision, ContactOutcome? Outcome, ContactCancelledBy? CancelledBy, string? CancelReason, DateOnly? NewDay, TimeOnly? NewTime, string? Summary);
