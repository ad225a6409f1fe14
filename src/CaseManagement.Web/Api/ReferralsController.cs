using CaseManagement.Application.Access.Commands;
using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>Referrals of children to a prevention team.</summary>
[ApiController]
[Authorize(Policy = HostSetup.ApiPolicy)]
[Route("api/v1/referrals")]
public sealed class ReferralsController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists referrals, newest first.</summary>
    [HttpGet]
    [ProducesResponseType<PagedList<ReferralSummaryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<PagedList<ReferralSummaryDto>> List([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, [FromQuery] ReferralStatus? status = null, CancellationToken cancellationToken = default) =>
        mediator.Send(new ListReferrals(page, pageSize, status), cancellationToken);

    /// <summary>One referral, with the child's details as the referrer gave them.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ReferralDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public Task<ReferralDto> Get(Guid id, CancellationToken cancellationToken) =>
        mediator.Send(new GetReferral(id), cancellationToken);

    /// <summary>Opens another team's referral in an emergency for an hour; the reason is shown to that team's manager.</summary>
    [HttpPost("{id:guid}/break-glass")]
    [ProducesResponseType<BreakGlassResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<BreakGlassResponse> BreakGlass(Guid id, BreakGlassRequest request, CancellationToken cancellationToken) =>
        new(await mediator.Send(new BreakGlass(id, request?.Reason ?? string.Empty), cancellationToken));

    /// <summary>Who has viewed or changed the referral: for the manager of the team that owns it.</summary>
    [HttpGet("{id:guid}/viewers")]
    [ProducesResponseType<IReadOnlyList<AuditEntryDto>>(StatusCodes.Status200OK)]
    public Task<IReadOnlyList<AuditEntryDto>> Viewers(Guid id, CancellationToken cancellationToken) =>
        mediator.Send(new ListRecordViewers(id), cancellationToken);

    /// <summary>
    /// Submits a referral. Send an <c>Idempotency-Key</c> header (a new UUID per referral): a retry with the same key
    /// answers as the first request did and creates nothing new.
    /// </summary>
    [HttpPost]
    [Idempotent]
    [EnableRateLimiting(HostSetup.ReferralRateLimit)]
    [Consumes("application/json")]
    [ProducesResponseType<ReferralDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Submit(SubmitReferral request, CancellationToken cancellationToken)
    {
        var referral = await mediator.Send(request, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = referral.Id }, referral);
    }
}

/// <summary>Why emergency access to another team's record is needed.</summary>
public sealed record BreakGlassRequest(string Reason);

/// <summary>When the emergency access ends.</summary>
public sealed record BreakGlassResponse(DateTime ExpiresAtUtc);
