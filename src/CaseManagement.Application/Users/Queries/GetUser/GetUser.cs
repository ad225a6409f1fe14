namespace CaseManagement.Application.Users.Queries.GetUser;

/// <summary>One account, with its roles and teams, for the administrator changing it.</summary>
[Authorize(Roles.Administrator)]
public sealed record GetUser(Guid Id) : IRequest<UserSummary>;

public sealed class GetUserHandler(IUserDirectory users) : IRequestHandler<GetUser, UserSummary>
{
    public async Task<UserSummary> Handle(GetUser request, CancellationToken cancellationToken) =>
        await users.FindAsync(request.Id, cancellationToken) ?? throw NotFoundException.For("Account", request.Id);
}
