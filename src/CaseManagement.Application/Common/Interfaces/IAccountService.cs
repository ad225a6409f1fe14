namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A new account, with the temporary password the person must replace at their first sign-in.</summary>
public sealed record NewAccount(string Email, string DisplayName, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<Guid> TeamIds, string TemporaryPassword);

/// <summary>
/// The whole of an account's details after an administrator's change: the roles and teams given replace the ones it
/// had. A disabled account cannot sign in and is signed out everywhere.
/// </summary>
public sealed record AccountChanges(string DisplayName, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<Guid> TeamIds, bool Disabled);

/// <summary>Why Identity refused a change, named by the field it is about (empty when it is about none).</summary>
public sealed record AccountError(string Field, string Message);

/// <summary>The outcome of a change to an account: the value when it succeeded, the errors when it did not.</summary>
public sealed record AccountResult<T>(bool Succeeded, T? Value, IReadOnlyList<AccountError> Errors);

/// <summary>Builds <see cref="AccountResult{T}"/> values.</summary>
public static class AccountResult
{
    public static AccountResult<T> Success<T>(T value) => new(true, value, []);

    public static AccountResult<T> Failure<T>(IReadOnlyList<AccountError> errors) => new(false, default, errors);
}

/// <summary>The fields an <see cref="AccountError"/> may name.</summary>
public static class AccountFields
{
    public const string None = "";
    public const string Email = "Email";
    public const string Password = "Password";
    public const string CurrentPassword = "CurrentPassword";
    public const string NewPassword = "NewPassword";
}

/// <summary>
/// Changes accounts, kept by ASP.NET Core Identity in Infrastructure, so that Identity's own rules (unique e-mail,
/// password rules) are applied. Each method throws <see cref="Exceptions.NotFoundException"/> for an unknown user.
/// </summary>
public interface IAccountService
{
    /// <summary>Creates the account with its roles and teams; the person must change the temporary password at first sign-in.</summary>
    Task<AccountResult<Guid>> CreateAsync(NewAccount account, CancellationToken cancellationToken);

    /// <summary>Replaces the account's name, agency, roles and teams, and disables (or enables) it.</summary>
    Task<AccountResult<bool>> UpdateAsync(Guid userId, AccountChanges changes, CancellationToken cancellationToken);

    /// <summary>Replaces the password with a temporary one to be changed at the next sign-in, and signs the person out everywhere.</summary>
    Task<AccountResult<bool>> SetTemporaryPasswordAsync(Guid userId, string temporaryPassword, CancellationToken cancellationToken);

    /// <summary>Changes the person's own password, given the current one; errors name <see cref="AccountFields.CurrentPassword"/> or <see cref="AccountFields.NewPassword"/>.</summary>
    Task<AccountResult<bool>> ChangeOwnPasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Ends every session of the account, in every browser and client, at their next check.</summary>
    Task SignOutEverywhereAsync(Guid userId, CancellationToken cancellationToken);
}
