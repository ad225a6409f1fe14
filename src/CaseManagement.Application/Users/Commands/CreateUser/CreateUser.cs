namespace CaseManagement.Application.Users.Commands.CreateUser;

/// <summary>
/// A new account for a person or a partner system, with a temporary password the person must change at their first
/// sign-in. Answers the new account's id.
/// </summary>
[Authorize(Common.Security.Roles.Administrator)]
public sealed record CreateUser : ICommand<Guid>, IAccountDetails
{
    public string Email { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public Guid? AgencyId { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<Guid> TeamIds { get; init; } = [];

    /// <summary>Given to the person by the administrator, outside the system; at least 12 characters.</summary>
    public string TemporaryPassword { get; init; } = string.Empty;
}

public sealed class CreateUserHandler(IAccountService accounts) : IRequestHandler<CreateUser, Guid>
{
    public async Task<Guid> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var account = new NewAccount(
            request.Email.Trim(),
            request.DisplayName.Trim(),
            request.AgencyId,
            request.Roles.Distinct(StringComparer.Ordinal).ToList(),
            (request.TeamIds ?? []).Distinct().ToList(),
            request.TemporaryPassword);
        var result = await accounts.CreateAsync(account, cancellationToken);
        return result.OrThrow(nameof(CreateUser.TemporaryPassword));
    }
}
