using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListTeams;
using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Queries.ListUsers;

namespace CaseManagement.Web.Pages.Admin;

public sealed class UsersModel(IMediator mediator) : AppPageModel(mediator)
{
    private Dictionary<Guid, string> _teams = [];

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public string TeamName(Guid id) => _teams.GetValueOrDefault(id, string.Empty);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await Mediator.Send(new ListUsers(), cancellationToken);
        _teams = (await Mediator.Send(new ListTeams(), cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
    }
}
