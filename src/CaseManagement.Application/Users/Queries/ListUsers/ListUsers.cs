namespace CaseManagement.Application.Users.Queries.ListUsers;

/// <summary>Every account: for administrators who manage them and auditors who filter the trail by person.</summary>
[Authorize(Roles.Administrator, Roles.Auditor)]
public sealed record ListUsers : IRequest<IReadOnlyList<UserSummary>>;

public sealed class ListUsersHandler(IUserDirectory users) : IRequestHandler<ListUsers, IReadOnlyList<UserSummary>>
{
    public Task<IReadOnlyList<UserSummary>> Handle(ListUsers request, CancellationToken cancellationToken) => users.ListAsync(cancellationToken);
}
