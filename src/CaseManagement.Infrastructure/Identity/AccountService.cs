using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Changes accounts through Identity's <see cref="UserManager{TUser}"/>, so its rules (unique e-mail, password
/// validators, security stamps) always apply. Each change runs in one transaction: the command's, or its own when
/// called outside one, which it commits only when the whole change succeeded.
/// </summary>
public sealed class AccountService(UserManager<ApplicationUser> users, AppDbContext db) : IAccountService
{
    public Task<AccountResult<Guid>> CreateAsync(NewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return InTransactionAsync(
            async () =>
            {
                var email = account.Email.Trim();
                var user = new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = account.DisplayName.Trim(),
                    AgencyId = account.AgencyId,
                    MustChangePassword = true,
                };
                var created = await users.CreateAsync(user, account.TemporaryPassword);
                if (!created.Succeeded)
                {
                    return Failure<Guid>(created, AccountFields.Password);
                }

                var roles = await ReplaceRolesAsync(user, account.Roles);
                if (!roles.Succeeded)
                {
                    return Failure<Guid>(roles, AccountFields.Password);
                }

                await ReplaceTeamsAsync(user.Id, account.TeamIds, cancellationToken);
                return AccountResult.Success(user.Id);
            },
            cancellationToken);
    }

    public Task<AccountResult<bool>> UpdateAsync(Guid userId, AccountChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return InTransactionAsync(
            async () =>
            {
                var user = await FindAsync(userId, cancellationToken);
                var roles = await ReplaceRolesAsync(user, changes.Roles);
                if (!roles.Succeeded)
                {
                    return Failure<bool>(roles, AccountFields.Password);
                }

                await ReplaceTeamsAsync(user.Id, changes.TeamIds, cancellationToken);

                user.DisplayName = changes.DisplayName.Trim();
                user.AgencyId = changes.AgencyId;
                var signOut = false;
                if (changes.Disabled)
                {
                    signOut = !IsDisabled(user);
                    user.LockoutEnabled = true;
                    user.LockoutEnd = DateTimeOffset.MaxValue;
                }
                else if (user.LockoutEnd is not null)
                {
                    user.LockoutEnabled = true;
                    user.LockoutEnd = null;
                    user.AccessFailedCount = 0;
                }

                // Updating the stamp saves the other changes with it; a stamp that changes ends every session at its next check.
                var updated = signOut ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
                return updated.Succeeded ? AccountResult.Success(true) : Failure<bool>(updated, AccountFields.Password);
            },
            cancellationToken);
    }

    public Task<AccountResult<bool>> SetTemporaryPasswordAsync(Guid userId, string temporaryPassword, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async () =>
            {
                var user = await FindAsync(userId, cancellationToken);

                // Checked before the old password is removed, so that a refused password never leaves the account without one.
                var refused = await ValidatePasswordAsync(user, temporaryPassword);
                if (!refused.Succeeded)
                {
                    return Failure<bool>(refused, AccountFields.Password);
                }

                var removed = await users.RemovePasswordAsync(user);
                if (!removed.Succeeded)
                {
                    return Failure<bool>(removed, AccountFields.Password);
                }

                var added = await users.AddPasswordAsync(user, temporaryPassword);
                if (!added.Succeeded)
                {
                    return Failure<bool>(added, AccountFields.Password);
                }

                user.MustChangePassword = true;
                var stamped = await users.UpdateSecurityStampAsync(user);
                return stamped.Succeeded ? AccountResult.Success(true) : Failure<bool>(stamped, AccountFields.Password);
            },
            cancellationToken);

    public Task<AccountResult<bool>> ChangeOwnPasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async () =>
            {
                var user = await FindAsync(userId, cancellationToken);

                // Identity changes the security stamp too, so the person's other sessions end.
                var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
                if (!changed.Succeeded)
                {
                    return Failure<bool>(changed, AccountFields.NewPassword);
                }

                if (user.MustChangePassword)
                {
                    user.MustChangePassword = false;
                    var updated = await users.UpdateAsync(user);
                    if (!updated.Succeeded)
                    {
                        return Failure<bool>(updated, AccountFields.NewPassword);
                    }
                }

                return AccountResult.Success(true);
            },
            cancellationToken);

    public async Task SignOutEverywhereAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            throw new InvalidOperationException("Signing the account out everywhere failed: " + string.Join("; ", stamped.Errors.Select(e => e.Code)));
        }
    }

    /// <summary>Puts an Identity error beside the field it is about, in plain words where Identity's own are unclear.</summary>
    internal static AccountError Describe(IdentityError error, string passwordField) => error.Code switch
    {
        // The only check of the current password is the change of one's own.
        "PasswordMismatch" => new AccountError(AccountFields.CurrentPassword, "Your current password is not right."),
        "DuplicateEmail" or "DuplicateUserName" => new AccountError(AccountFields.Email, "An account with this email address already exists."),
        "InvalidEmail" or "InvalidUserName" => new AccountError(AccountFields.Email, "Enter an email address in the correct format, like name@example.com"),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code is "CommonPassword" or "PasswordContainsUserName"
            => new AccountError(passwordField, error.Description),
        _ => new AccountError(AccountFields.None, error.Description),
    };

    // As the user directory reads it: a lockout ending centuries from now is a disabled account, not a temporary lockout.
    private static bool IsDisabled(ApplicationUser user) => user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(50);

    private static AccountResult<T> Failure<T>(IdentityResult result, string passwordField) =>
        AccountResult.Failure<T>(result.Errors.Select(e => Describe(e, passwordField)).Distinct().ToList());

    private async Task<ApplicationUser> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
        ?? throw NotFoundException.For("Account", userId);

    private async Task<IdentityResult> ValidatePasswordAsync(ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<IdentityResult> ReplaceRolesAsync(ApplicationUser user, IReadOnlyList<string> roles)
    {
        var wanted = roles.Distinct(StringComparer.Ordinal).ToList();
        var current = await users.GetRolesAsync(user);
        var remove = current.Except(wanted, StringComparer.Ordinal).ToList();
        if (remove.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, remove);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        var add = wanted.Except(current, StringComparer.Ordinal).ToList();
        return add.Count > 0 ? await users.AddToRolesAsync(user, add) : IdentityResult.Success;
    }

    private async Task ReplaceTeamsAsync(Guid userId, IReadOnlyList<Guid> teamIds, CancellationToken cancellationToken)
    {
        var wanted = teamIds.ToHashSet();
        var current = await db.TeamMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.TeamMemberships.RemoveRange(current.Where(m => !wanted.Contains(m.TeamId)));
        db.TeamMemberships.AddRange(wanted.Where(id => current.TrueForAll(m => m.TeamId != id)).Select(id => new TeamMembership { UserId = userId, TeamId = id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AccountResult<T>> InTransactionAsync<T>(Func<Task<AccountResult<T>>> change, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await change();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
