using CaseManagement.Application.Records.Rights.Queries.GetRestrictionNotice;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The banner on a child's pages while processing of the record is restricted (decision 0062): a person sees why a
/// change will be refused before making it.
/// </summary>
public sealed class RestrictionNoticeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid childId) =>
        await mediator.Send(new GetRestrictionNotice(childId), HttpContext.RequestAborted) is { } since
            ? View(new RestrictionNotice(childId, since))
            : Content(string.Empty);
}

/// <summary>A standing restriction: the child, and since when.</summary>
public sealed record RestrictionNotice(Guid ChildId, DateTime SinceUtc);
