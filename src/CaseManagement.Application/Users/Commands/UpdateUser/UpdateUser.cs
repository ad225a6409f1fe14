namespace CaseManagement.Application.Users.Commands.UpdateUser;

/// <summary>
/// Changes an account: the roles and teams given replace the ones it had. Disabling it stops it signing in and signs
/// it out everywhere; enabling it again also ends a lockout after wrong passwords.
/// </summary>
[Authorize(Common.Security.Roles.Administrator)]
public sealed record UpdateUser : ICommand<bool>, IAccountDetails
{
    /// <summary>The account to change.</summary>
    public Guid Id { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public Guid? AgencyId { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<Guid> TeamIds { get; init; } = [];

    public bool Disabled { get; init; }
}

public sealed class UpdateUserHandler(IAccountService accounts) : IRequestHandler<UpdateUser, bool>
{
    public async Task<bool> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        var changes = new AccountChanges(
            request.DisplayName.Trim(),
            request.AgencyId,
            request.Roles.Distinct(StringComparer.Ordinal).ToList(),
            (request.TeamIds ?? []).Distinct().ToList(),
            request.Disabled);
        var result = await accounts.UpdateAsync(request.Id, changes, cancellationToken);
        return result.OrThrow();
    }
}
