namespace CaseManagement.Application.Users.Commands.SetTemporaryPassword;

/// <summary>
/// Gives an account a temporary password, for someone who has forgotten theirs: it signs them out everywhere and they
/// must choose their own password at the next sign-in.
/// </summary>
[Authorize(Roles.Administrator)]
public sealed record SetTemporaryPassword : ICommand<bool>
{
    public Guid UserId { get; init; }

    /// <summary>Given to the person by the administrator, outside the system; at least 12 characters.</summary>
    public string TemporaryPassword { get; init; } = string.Empty;
}

public sealed class SetTemporaryPasswordHandler(IAccountService accounts) : IRequestHandler<SetTemporaryPassword, bool>
{
    public async Task<bool> Handle(SetTemporaryPassword request, CancellationToken cancellationToken)
    {
        var result = await accounts.SetTemporaryPasswordAsync(request.UserId, request.TemporaryPassword, cancellationToken);
        return result.OrThrow(nameof(SetTemporaryPassword.TemporaryPassword));
    }
}
