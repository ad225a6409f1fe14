using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;
using CaseManagement.Application.Work.OnwardReferrals.Commands.RecordOnwardReferralStep;
using CaseManagement.Application.Work.OnwardReferrals.Queries;
using CaseManagement.Application.Work.OnwardReferrals.Queries.GetOnwardReferral;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>
/// Onward referrals of a child to other services (CAMHS, substance use, early help, ...), their steps, and how long the
/// child waits. Whoever sees the case records on it; every step is on the child's timeline and in the audit trail.
/// </summary>
[Route("api/v1")]
public sealed class OnwardReferralsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The onward referrals of a case, outstanding ones first, with the days waited.</summary>
    [HttpGet("cases/{caseId:guid}/onward-referrals")]
    [ProducesResponseType<CaseOnwardReferralsDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(Guid caseId, CancellationToken cancellationToken) =>
        FoundAsync(new ListOnwardReferrals(caseId), cancellationToken);

    /// <summary>Records that the child was referred on to a service. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("cases/{caseId:guid}/onward-referrals")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Make(Guid caseId, OnwardReferralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await CreatedAsync(new MakeOnwardReferral(caseId, request.Service, request.ServiceName, request.ReferredOn, request.Reason), cancellationToken);
    }

    /// <summary>The caller's outstanding onward referrals on the open cases they hold, longest waiting first.</summary>
    [HttpGet("onward-referrals/mine")]
    public Task<PagedList<OutstandingOnwardReferralDto>> Mine([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListMyOutstandingOnwardReferrals(page, pageSize), cancellationToken);

    /// <summary>One onward referral.</summary>
    [HttpGet("onward-referrals/{onwardReferralId:guid}")]
    [ProducesResponseType<OnwardReferralDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(Guid onwardReferralId, CancellationToken cancellationToken) =>
        FoundAsync(new GetOnwardReferral(onwardReferralId), cancellationToken);

    /// <summary>Records a step: <c>Accepted</c>, <c>Declined</c> (with the reason), <c>FirstAppointment</c> or <c>Closed</c>, on a date.</summary>
    [HttpPost("onward-referrals/{onwardReferralId:guid}/steps")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Step(Guid onwardReferralId, OnwardReferralStepRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new RecordOnwardReferralStep(onwardReferralId, request.Step, request.On, request.Reason), cancellationToken);
    }
}

/// <summary>An onward referral of the child to another service.</summary>
/// <param name="Service">The kind of service referred to (CAMHS and emotional health, substance use, ...).</param>
/// <param name="ServiceName">The service's own name, such as a local team, when it helps.</param>
/// <param name="ReferredOn">The day the child was referred; the wait is counted from it.</param>
/// <param name="Reason">Why the child was referred.</param>
public sealed record OnwardReferralRequest(OnwardService? Service, string? ServiceName, DateOnly? ReferredOn, string? Reason);

/// <summary>A step of an onward referral.</summary>
/// <param name="Step">Accepted, Declined, FirstAppointment or Closed.</param>
/// <param name="On">The day of the step.</param>
/// <param name="Reason">Why it was declined or closed; required when declined.</param>
public sealed record OnwardReferralStepRequest(OnwardReferralStep? Step, DateOnly? On, string? Reason);
