using CaseManagement.Application.Access.Commands;
using CaseManagement.Application.Access.Commands.BreakGlass;
using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.ListRecordViewers;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Referrals.Commands.AcceptReferral;
using CaseManagement.Application.Referrals.Commands.ConfirmMatch;
using CaseManagement.Application.Referrals.Commands.DeclineReferral;
using CaseManagement.Application.Referrals.Commands.RegisterAsNewChild;
using CaseManagement.Application.Referrals.Commands.RejectMatch;
using CaseManagement.Application.Referrals.Commands.SignpostReferral;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Referrals.Commands.UndoLink;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetMatchCandidates;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Application.Referrals.Queries.ListScreening;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseManagement.Web.Api;

/// <summary>Referrals of children to a prevention team.</summary>
[Route("api/v1/referrals")]
public sealed class ReferralsController(IMediator mediator, IdempotentAnswer answer, IStringLocalizer<SharedResource> text) : MediatorController(mediator)
{
    /// <summary>
    /// Lists referrals, newest first: optionally of one status, with every word of <paramref name="search"/> in the
    /// reference or the child's names, and received between two UK days (yyyy-MM-dd, both included).
    /// </summary>
    [HttpGet]
    public Task<PagedList<ReferralSummaryDto>> List(
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        [FromQuery] ReferralStatus? status = null,
        [FromQuery] string? search = null,
        [FromQuery] DateOnly? receivedFrom = null,
        [FromQuery] DateOnly? receivedTo = null,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListReferrals(page, pageSize, status, search, receivedFrom, receivedTo), cancellationToken);

    /// <summary>
    /// The team's referrals waiting for a person: a duplicate decision or screening, urgent first, then the longest
    /// waiting. For case managers and team managers.
    /// </summary>
    [HttpGet("screening")]
    public Task<PagedList<ScreeningItemDto>> Screening([FromQuery] ReferralStatus? status = null, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListScreening(status, page, pageSize), cancellationToken);

    /// <summary>
    /// The known children matching proposed for the referral: for each, the score, and every field's values, agreement
    /// level and weight, the rules that capped the score, and what a person decided. Each field's note and each
    /// rule's reason are in the language asked for (English by default, word for word as before).
    /// </summary>
    [HttpGet("{id:guid}/matches")]
    public async Task<MatchReviewDto> Matches(Guid id, CancellationToken cancellationToken) =>
        new Pages.Referrals.MatchText(text).Translate(await Mediator.Send(new GetMatchCandidates(id), cancellationToken));

    /// <summary>Confirms that the referral is about this known child: the referral is linked and goes on to screening.</summary>
    [HttpPost("{id:guid}/matches/{childId:guid}/confirm")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> ConfirmMatch(Guid id, Guid childId, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new ConfirmMatch(id, childId), cancellationToken);
    }

    /// <summary>Not the same child: remembered, and never proposed again for this referral. With no candidate left, a new child is registered.</summary>
    [HttpPost("{id:guid}/matches/{childId:guid}/reject")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RejectMatch(Guid id, Guid childId, NoteRequest? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new RejectMatch(id, childId, request?.Note), cancellationToken);
    }

    /// <summary>None of the candidates is the child: all are rejected and a new child is registered from the referral.</summary>
    [HttpPost("{id:guid}/new-child")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> NewChild(Guid id, NoteRequest? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new RegisterAsNewChild(id, request?.Note), cancellationToken);
    }

    /// <summary>Undoes a link made in error: the referral waits for a duplicate decision again.</summary>
    [HttpPost("{id:guid}/undo-link")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> UndoLink(Guid id, ReasonRequest request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new UndoLink(id, request?.Reason ?? string.Empty), cancellationToken);
    }

    /// <summary>Screening accepts the referral; the answer is the new status (Accepted, or LinkedToExistingChild when the team already works with the child).</summary>
    [HttpPost("{id:guid}/accept")]
    public async Task<DecisionResponse> Accept(Guid id, CancellationToken cancellationToken) =>
        new(await Mediator.Send(new AcceptReferral(id), cancellationToken));

    /// <summary>Screening signposts the child and family to another service, named in the reason.</summary>
    [HttpPost("{id:guid}/signpost")]
    public async Task<DecisionResponse> Signpost(Guid id, ReasonRequest request, CancellationToken cancellationToken) =>
        new(await Mediator.Send(new SignpostReferral(id, request?.Reason ?? string.Empty), cancellationToken));

    /// <summary>Screening declines the referral, with the reason.</summary>
    [HttpPost("{id:guid}/decline")]
    public async Task<DecisionResponse> Decline(Guid id, ReasonRequest request, CancellationToken cancellationToken) =>
        new(await Mediator.Send(new DeclineReferral(id, request?.Reason ?? string.Empty), cancellationToken));

    /// <summary>One referral, with the child's details as the referrer gave them.</summary>
    [HttpGet("{id:guid}")]
    public Task<ReferralDto> Get(Guid id, CancellationToken cancellationToken) =>
        Mediator.Send(new GetReferral(id), cancellationToken);

    /// <summary>Opens another team's referral in an emergency for an hour; the reason is shown to that team's manager.</summary>
    [HttpPost("{id:guid}/break-glass")]
    public async Task<BreakGlassResponse> BreakGlass(Guid id, BreakGlassRequest request, CancellationToken cancellationToken) =>
        new(await Mediator.Send(new BreakGlass(id, request?.Reason ?? string.Empty), cancellationToken));

    /// <summary>Who has viewed or changed the referral: for the manager of the team that owns it.</summary>
    [HttpGet("{id:guid}/viewers")]
    public Task<IReadOnlyList<AuditEntryDto>> Viewers(Guid id, CancellationToken cancellationToken) =>
        Mediator.Send(new ListRecordViewers(id), cancellationToken);

    /// <summary>
    /// Submits a referral. Send an <c>Idempotency-Key</c> header (a new UUID per referral): a retry with the same key
    /// answers as the first request did and creates nothing new.
    /// </summary>
    [HttpPost]
    [Idempotent]
    [EnableRateLimiting(HostSetup.ReferralRateLimit)]
    [Consumes("application/json")]
    [ProducesResponseType<ReferralDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Submit(SubmitReferral request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The key makes the submission itself idempotent, as a page's form token does (decision 0068), and the answer is
        // kept with the referral in its one save (decision 0075).
        var key = IdempotencyFilter.AcceptedKey(HttpContext);
        answer.As<ReferralDto>(Created);
        return Created(await Mediator.Send(key is null ? request : request with { SubmissionKey = key }, cancellationToken));

        CreatedAtActionResult Created(ReferralDto referral) => CreatedAtAction(nameof(Get), new { id = referral.Id }, referral);
    }
}

/// <summary>Why emergency access to another team's record is needed.</summary>
public sealed record BreakGlassRequest(string Reason);

/// <summary>An optional note with a decision.</summary>
public sealed record NoteRequest(string? Note);

/// <summary>The reason for a decision.</summary>
public sealed record ReasonRequest(string Reason);

/// <summary>The referral's status after a screening decision.</summary>
public sealed record DecisionResponse(ReferralStatus Status);

/// <summary>When the emergency access ends.</summary>
public sealed record BreakGlassResponse(DateTime ExpiresAtUtc);
