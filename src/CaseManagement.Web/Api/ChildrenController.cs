using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Children.Queries.ListChildren;
using CaseManagement.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>Children known to the teams.</summary>
[ApiController]
[Authorize(Policy = HostSetup.ApiPolicy)]
[Route("api/v1/children")]
public sealed class ChildrenController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists children by family name.</summary>
    [HttpGet]
    [ProducesResponseType<PagedList<ChildSummaryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<PagedList<ChildSummaryDto>> List([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        mediator.Send(new ListChildren(page, pageSize), cancellationToken);
}
