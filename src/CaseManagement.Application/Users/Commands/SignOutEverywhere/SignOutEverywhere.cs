namespace CaseManagement.Application.Users.Commands.SignOutEverywhere;

/// <summary>
/// Ends every session of an account, in every browser and client, at their next check: anyone may do it for their own
/// account (no user named, or their own id); only an administrator may do it for someone else's.
/// </summary>
[Authorize]
public sealed record SignOutEverywhere(Guid? UserId = null) : ICommand<bool>;

public sealed class SignOutEverywhereHandler(IAccountService accounts, ICurrentUser currentUser) : IRequestHandler<SignOutEverywhere, bool>
{
    public async Task<bool> Handle(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        var self = currentUser.UserId ?? throw new UnauthorizedAccessException("Sign in to do this.");
        var userId = request.UserId ?? self;
        if (userId != self && !currentUser.IsInRole(Roles.Administrator))
        {
            throw new ForbiddenAccessException("Only an administrator can sign someone else out.");
        }

        await accounts.SignOutEverywhereAsync(userId, cancellationToken);
        return true;
    }
}
