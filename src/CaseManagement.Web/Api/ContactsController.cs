using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.Contacts.Commands.ChangeContact;
using CaseManagement.Application.Work.Contacts.Commands.RecordContact;
using CaseManagement.Application.Work.Contacts.Commands.RecordContactOutcome;
using CaseManagement.Application.Work.Contacts.Queries.GetContact;
using CaseManagement.Application.Work.Contacts.Queries.ListContacts;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// A case's contacts (sessions) with the child, family and professionals: recorded by anyone on the case, seconded
/// staff included; each one that has happened is on the child's timeline. Sensitive notes are for the team only.
/// </summary>
[Route("api/v1/cases/{caseId:guid}/contacts")]
public sealed class ContactsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The case's contacts, newest first (optionally of one <c>outcome</c>), and the next planned contact.</summary>
    [HttpGet]
    [ProducesResponseType<ContactListDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, [FromQuery] ContactOutcome? outcome = null, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        FoundAsync(new ListContacts(caseId, outcome, page, pageSize), cancellationToken);

    /// <summary>One contact in full.</summary>
    [HttpGet("{contactId:guid}")]
    [ProducesResponseType<ContactDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid caseId, Guid contactId, CancellationToken cancellationToken) =>
        FoundAsync(new GetContact(caseId, contactId), cancellationToken);

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
        return await CreatedAsync(
            new RecordContact(
                caseId, request.Id ?? Guid.NewGuid(), request.Day, request.Time, request.LengthMinutes, request.Kind, request.Place, request.ChildTookPart,
                request.ParentsOrCarers, request.Professionals, request.WorkerIds, request.GoalIds, request.Summary, request.SensitiveNotes,
                request.Outcome, request.CancelledBy, request.CancelReason, request.NewDay, request.NewTime, request.InterventionIds),
            cancellationToken);
    }

    /// <summary>Corrects a contact's details; send the <c>revision</c> you read, so a change made meanwhile is not lost.</summary>
    /// <remarks><c>interventionIds</c> replaces the interventions it served; leave it out to keep them as they are.</remarks>
    [HttpPut("{contactId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Change(Guid caseId, Guid contactId, ContactChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(
            new ChangeContact(
                caseId, contactId, request.Revision, request.Day, request.Time, request.LengthMinutes, request.Kind, request.Place, request.ChildTookPart,
                request.ParentsOrCarers, request.Professionals, request.WorkerIds, request.GoalIds, request.Summary, request.SensitiveNotes, request.InterventionIds),
            cancellationToken);
    }

    /// <summary>Says what became of a contact; rearranging answers with the new planned contact's id.</summary>
    [HttpPost("{contactId:guid}/outcome")]
    public Task<ContactOutcomeResult> Outcome(Guid caseId, Guid contactId, ContactOutcomeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mediator.Send(
            new RecordContactOutcome(caseId, contactId, request.Revision, request.Outcome, request.CancelledBy, request.CancelReason, request.NewDay, request.NewTime, request.Summary),
            cancellationToken);
    }
}

/// <summary>A contact to record, held or planned.</summary>
/// <param name="Id">The contact's own id, chosen by the client so that a retry finds it instead of recording it twice; made by the server when left out.</param>
/// <param name="Day">The day of the contact (as the worker gives it, in the UK).</param>
/// <param name="Time">The time it started, UK time.</param>
/// <param name="LengthMinutes">How long it lasted, in minutes (1 to 720).</param>
/// <param name="Kind">How it was made: a home visit, at school, the office, in the community, by phone, video or message.</param>
/// <param name="Place">Where it was held, when that says more than the kind.</param>
/// <param name="ChildTookPart">Whether the child took part (a contact with parents or professionals alone is false).</param>
/// <param name="ParentsOrCarers">The parents or carers who took part, as the worker names them.</param>
/// <param name="Professionals">Professionals from other agencies who took part, each with their agency.</param>
/// <param name="WorkerIds">The case members who held the contact (user ids); the one recording it when left out.</param>
/// <param name="GoalIds">The case's goals the contact served.</param>
/// <param name="Summary">A short summary, read by everyone on the case and on the child's timeline; required when the child attended.</param>
/// <param name="SensitiveNotes">Notes only the team (and the writer) read.</param>
/// <param name="Outcome">What became of it: Planned (in the future), Attended, DidNotAttend, Cancelled or Rearranged.</param>
/// <param name="CancelledBy">Who called it off, when cancelled.</param>
/// <param name="CancelReason">Why it was cancelled, when cancelled.</param>
/// <param name="NewDay">The new day, when rearranged (in the future); a planned contact is made for it.</param>
/// <param name="NewTime">The new time, when rearranged, UK time.</param>
/// <param name="InterventionIds">The case's interventions (planned or started) the contact was a session of; their sessions offered and attended are counted from these links.</param>
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

/// <summary>A correction of a contact's details (its outcome is changed with the outcome operation).</summary>
/// <param name="Revision">The revision of the contact you read; a change made by someone else since is refused rather than lost.</param>
/// <param name="Day">The day of the contact (as the worker gives it, in the UK).</param>
/// <param name="Time">The time it started, UK time.</param>
/// <param name="LengthMinutes">How long it lasted, in minutes (1 to 720).</param>
/// <param name="Kind">How it was made: a home visit, at school, the office, in the community, by phone, video or message.</param>
/// <param name="Place">Where it was held, when that says more than the kind.</param>
/// <param name="ChildTookPart">Whether the child took part (a contact with parents or professionals alone is false).</param>
/// <param name="ParentsOrCarers">The parents or carers who took part, as the worker names them.</param>
/// <param name="Professionals">Professionals from other agencies who took part, each with their agency.</param>
/// <param name="WorkerIds">The case members who held the contact (user ids); the one recording it when left out.</param>
/// <param name="GoalIds">The case's goals the contact served.</param>
/// <param name="Summary">A short summary, read by everyone on the case and on the child's timeline; required when the child attended.</param>
/// <param name="SensitiveNotes">Notes only the team (and the writer) read.</param>
/// <param name="InterventionIds">The case's interventions the contact was a session of, replacing the ones linked; leave it out (null) to keep them as they are.</param>
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

/// <summary>What became of a contact, or a correction of it.</summary>
/// <param name="Revision">The revision of the contact you read; a change made by someone else since is refused rather than lost.</param>
/// <param name="Outcome">What became of it: Planned (in the future), Attended, DidNotAttend, Cancelled or Rearranged.</param>
/// <param name="CancelledBy">Who called it off, when cancelled.</param>
/// <param name="CancelReason">Why it was cancelled, when cancelled.</param>
/// <param name="NewDay">The new day, when rearranged (in the future); a planned contact is made for it.</param>
/// <param name="NewTime">The new time, when rearranged, UK time.</param>
/// <param name="Summary">A short summary of the contact; required when the child attended and none was written before.</param>
public sealed record ContactOutcomeRequest(int? Revision, ContactOutcome? Outcome, ContactCancelledBy? CancelledBy, string? CancelReason, DateOnly? NewDay, TimeOnly? NewTime, string? Summary);
