using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Records.SubjectAccess.Queries.GetSubjectAccessRequest;
using CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team's subject access requests with their deadlines, each leading to its steps (decision 0062).</summary>
public sealed class SubjectAccessModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    /// <summary>Whether the reader handles requests (an administrator sees the list, not the steps).</summary>
    public bool MayOpen => user.MaySend<GetSubjectAccessRequest>();

    public IReadOnlyList<SubjectAccessRequestDto> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await Mediator.Send(new ListSubjectAccessRequests(), cancellationToken);
}
