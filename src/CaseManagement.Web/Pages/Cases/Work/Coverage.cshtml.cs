using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Plans.Queries.GetNeedsCoverage;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Every assessed need with the goals and actions that answer it, and the significant needs with no answer: the gaps.</summary>
public sealed class CoverageModel(IMediator mediator) : AppPageModel(mediator)
{
    public NeedsCoverageDto Coverage { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Coverage = await Mediator.Send(new GetNeedsCoverage(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
}
