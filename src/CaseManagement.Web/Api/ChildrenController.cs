using CaseManagement.Application.Children.Commands;
using CaseManagement.Application.Children.Commands.MergeChildren;
using CaseManagement.Application.Children.Commands.UndoMerge;
using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Children.Queries.ListChildren;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Commands.AddTimelineEntry;
using CaseManagement.Application.Timeline.Commands.WithdrawTimelineEntry;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>Children known to the teams.</summary>
[Route("api/v1/children")]
public sealed class ChildrenController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Lists children by family name.</summary>
    [HttpGet]
    public Task<PagedList<ChildSummaryDto>> List([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListChildren(page, pageSize), cancellationToken);

    /// <summary>The child's timeline, newest first: referrals, the team's work, and practitioners' entries; optionally of some categories.</summary>
    [HttpGet("{id:guid}/timeline")]
    [ProducesResponseType<ChildTimelineDto>(StatusCodes.Status200OK)]
    public Task<IActionResult> Timeline(Guid id, [FromQuery(Name = "category")] TimelineCategory[]? categories, CancellationToken cancellationToken) =>
        FoundAsync(new GetChildTimeline(id, categories), cancellationToken);

    /// <summary>Adds a transition or life event to the child's timeline. Send an <c>Idempotency-Key</c> header: a retry creates nothing new.</summary>
    [HttpPost("{id:guid}/timeline")]
    [Idempotent]
    [ProducesResponseType<CreatedResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> AddTimelineEntry(Guid id, TimelineEntryRequest request, CancellationToken cancellationToken)
    {
        return await CreatedAsync(new AddTimelineEntry(id, request.Category, request.OccurredOn, request.DateIsApproximate, request.Title, request.Notes, request.Visibility), cancellationToken);
    }

    /// <summary>Withdraws a practitioner's mistaken entry, with the reason; it stays on the record, marked.</summary>
    [HttpPost("timeline/{entryId:guid}/withdraw")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> WithdrawTimelineEntry(Guid entryId, ReasonRequest request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new WithdrawTimelineEntry(entryId, request.Reason), cancellationToken);
    }

    /// <summary>
    /// Merges two records of one child: the merged record's referrals move to the survivor; the merged record is kept,
    /// marked, so the merge can be undone.
    /// </summary>
    [HttpPost("merges")]
    [ProducesResponseType<MergeResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Merge(MergeChildren request, CancellationToken cancellationToken)
    {
        var id = await Mediator.Send(request, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new MergeResponse(id));
    }

    /// <summary>Undoes a merge: exactly the referrals that moved go back.</summary>
    [HttpPost("merges/{id:guid}/undo")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> UndoMerge(Guid id, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new UndoMerge(id), cancellationToken);
    }
}

/// <summary>A transition or life event for the child's timeline; the date may be approximate.</summary>
public sealed record TimelineEntryRequest(TimelineCategory Category, DateOnly OccurredOn, bool DateIsApproximate, string Title, string? Notes, TimelineVisibility Visibility = TimelineVisibility.EveryoneOnTheCase);

/// <summary>The merge's identifier, for undoing it.</summary>
public sealed record MergeResponse(Guid Id);
