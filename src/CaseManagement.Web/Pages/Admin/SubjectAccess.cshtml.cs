using CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>Every subject access request and its one-month deadline, for the administrators who answer to the ICO.</summary>
public sealed class SubjectAccessModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<SubjectAccessRequestDto> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await Mediator.Send(new ListSubjectAccessRequests(), cancellationToken);
}
