namespace CaseManagement.Application.Users.Commands.ChangeOwnPassword;

/// <summary>
/// The signed-in person changes their own password (always their own: the account is the caller's, never named in
/// the request). Their other sessions end; the caller should refresh its own sign-in afterwards.
/// </summary>
[Authorize]
public sealed record ChangeOwnPassword : ICommand<bool>
{
    public string CurrentPassword { get; init; } = string.Empty;

    public string NewPassword { get; init; } = string.Empty;
}

public sealed class ChangeOwnPasswordHandler(IAccountService accounts, ICurrentUser currentUser) : IRequestHandler<ChangeOwnPassword, bool>
{
    public async Task<bool> Handle(ChangeOwnPassword request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new UnauthorizedAccessException("Sign in to do this.");
        var result = await accounts.ChangeOwnPasswordAsync(userId, request.CurrentPassword, request.NewPassword, cancellationToken);
        return result.OrThrow(AccountFields.NewPassword);
    }
}
