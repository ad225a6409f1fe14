using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work;
using CaseManagement.Application.Work.Plans.Queries;
using CaseManagement.Application.Work.Plans.Queries.GetPlan;
using CaseManagement.Application.Work.Plans.Queries.GetPlanVersion;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>
/// The plan to print and hand to the child and family, in English or Welsh (<c>language</c>): a published version
/// (<c>version</c>), the latest by default, or the draft while nothing is published. Earlier versions are read here too.
/// </summary>
[PrintLanguage]
public sealed class PrintModel(IMediator mediator) : AppPageModel(mediator)
{
    public WorkCase Case { get; private set; } = null!;

    public PlanPartsDto Parts { get; private set; } = null!;

    /// <summary>The version shown; null for the draft.</summary>
    public PlanVersionDto? Version { get; private set; }

    [FromQuery(Name = "version")] public int? Number { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await Mediator.Send(new GetPlan(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
        Case = plan.Case;
        var number = Number ?? (plan.PublishedVersion > 0 ? plan.PublishedVersion : null);
        if (number is { } wanted)
        {
            Version = await Mediator.Send(new GetPlanVersion(id, wanted), cancellationToken) ?? throw NotFoundException.For("PlanVersion", wanted);
            Parts = Version.Parts;
        }
        else
        {
            Parts = plan.Draft;
        }
    }
}
