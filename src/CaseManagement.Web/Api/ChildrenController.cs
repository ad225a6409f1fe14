using CaseManagement.Application.Children.Commands;
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

    /// <summary>
    /// Merges two records of one child: the merged record's referrals move to the survivor; the merged record is kept,
    /// marked, so the merge can be undone.
    /// </summary>
    [HttpPost("merges")]
    [ProducesResponseType<MergeResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Merge(MergeChildren request, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(request, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new MergeResponse(id));
    }

    /// <summary>Undoes a merge: exactly the referrals that moved go back.</summary>
    [HttpPost("merges/{id:guid}/undo")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> UndoMerge(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new UndoMerge(id), cancellationToken);
        return NoContent();
    }
}

/// <summary>The merge's identifier, for undoing it.</summary>
public sealed record MergeResponse(Guid Id);
