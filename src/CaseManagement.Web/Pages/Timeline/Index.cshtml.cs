using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Timeline;

/// <summary>The child's timeline, newest first, with a filter by category; the print view is the same page on A4.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ChildTimelineDto Timeline { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "category")]
    public List<string> Categories { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    [FromQuery(Name = "done")] public string? Done { get; set; }

    public IReadOnlyList<TimelineCategory> Chosen { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Chosen = Categories.Select(c => Enum.TryParse<TimelineCategory>(c, out var parsed) && Enum.IsDefined(parsed) ? parsed : (TimelineCategory?)null)
            .Where(c => c is not null).Select(c => c!.Value).Distinct().ToList();
        Timeline = await mediator.Send(new GetChildTimeline(id, Chosen), cancellationToken) ?? throw NotFoundException.For("Child", id);
    }
}
