using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.GetTeamWork;
using CaseManagement.Application.Dashboard.Queries.ListTeamContacts;
using CaseManagement.Application.Dashboard.Queries.ListTeamInterventions;
using CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;
using CaseManagement.Application.Organisation.Commands.SetTeamNoContactDays;
using CaseManagement.Application.Organisation.Queries.GetTeamSettings;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using CaseManagement.Domain.Work;

namespace CaseManagement.Web.Api;

/// <summary>The team manager's view of the team's work (issue 17): the team's settings and the figures of the work.</summary>
[Route("api/v1/team")]
public sealed class TeamController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The settings of the manager's own teams: how many days a case may go without a contact before it is flagged.</summary>
    [HttpGet("settings")]
    public Task<IReadOnlyList<TeamSettingsDto>> Settings(CancellationToken cancellationToken) =>
        Mediator.Send(new GetTeamSettings(), cancellationToken);

    /// <summary>Sets how many days (1 to 90) a case of the team may go without a contact the child attended before it is flagged.</summary>
    [HttpPut("settings/no-contact-days")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> NoContactDays(SetTeamNoContactDays request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(request, cancellationToken);
    }

    /// <summary>
    /// The team's figures of the work: interventions by kind and provider started, completed and stopped within the
    /// period (dates inclusive), and onward referrals waiting now with their median wait per service.
    /// </summary>
    [HttpGet("work")]
    public Task<TeamWorkFiguresDto> Work([FromQuery] DateOnly from, [FromQuery] DateOnly to, CancellationToken cancellationToken) =>
        Mediator.Send(new GetTeamWork(from, to), cancellationToken);

    /// <summary>The contacts one attendance figure counts: attended or not within the period, of one case manager's cases or all.</summary>
    [HttpGet("work/contacts")]
    public Task<PagedList<TeamContactDto>> Contacts(
        [FromQuery] ContactOutcome outcome,
        [FromQuery] DateOnly from,
        [FromQuery] DateOnly to,
        [FromQuery] Guid? caseManagerUserId = null,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListTeamContacts(outcome, from, to, caseManagerUserId, page, pageSize), cancellationToken);

    /// <summary>The interventions one figure counts: of a kind and provider, started, completed or stopped within the period.</summary>
    [HttpGet("work/interventions")]
    public Task<PagedList<TeamInterventionDto>> Interventions(
        [FromQuery] InterventionMeasure measure,
        [FromQuery] DateOnly from,
        [FromQuery] DateOnly to,
        [FromQuery] Guid? kindId = null,
        [FromQuery] Guid? providerAgencyId = null,
        [FromQuery] string? provider = null,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = Paging.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListTeamInterventions(measure, from, to, kindId, providerAgencyId, provider, page, pageSize), cancellationToken);

    /// <summary>The team's onward referrals still waiting, of one service or all, the longest waiting first.</summary>
    [HttpGet("work/onward-referrals")]
    public Task<PagedList<OutstandingOnwardReferralDto>> OnwardReferrals([FromQuery] OnwardService? service = null, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListWaitingOnwardReferrals(service, page, pageSize), cancellationToken);
}
