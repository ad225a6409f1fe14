using CaseManagement.Application.Organisation.Commands.SetTeamNoContactDays;
using CaseManagement.Application.Organisation.Queries.GetTeamSettings;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Api;

/// <summary>The team manager's view of the team's work (issue 17): the team's settings and the figures of the work.</summary>
[ApiController]
[Authorize(Policy = HostSetup.ApiPolicy)]
[Route("api/v1/team")]
public sealed class TeamController(IMediator mediator) : ControllerBase
{
    /// <summary>The settings of the manager's own teams: how many days a case may go without a contact before it is flagged.</summary>
    [HttpGet("settings")]
    public Task<IReadOnlyList<TeamSettingsDto>> Settings(CancellationToken cancellationToken) =>
        mediator.Send(new GetTeamSettings(), cancellationToken);

    /// <summary>Sets how many days (1 to 90) a case of the team may go without a contact the child attended before it is flagged.</summary>
    [HttpPut("settings/no-contact-days")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> NoContactDays(SetTeamNoContactDays request, CancellationToken cancellationToken)
    {
        await mediator.Send(request, cancellationToken);
        return NoContent();
    }
}
