using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity.CouncilSignIn;

/// <summary>Why the council's provider vouched for someone and the app still refused them.</summary>
public enum CouncilRefusal
{
    None,
    NoAccount,
    NoEmail,
    Deactivated,
    PartnerSystem,
    LockedOut,
    Failed,
}

/// <summary>The account a person signs in to through the council's provider, or why there is none.</summary>
public sealed record CouncilAccount(ApplicationUser? User, CouncilRefusal Refusal);

/// <summary>
/// Finds the account of a person the council's provider signed in: by the provider's subject once linked, and at the
/// first sign-in by the e-mail address in the ID token, linking the two in Identity's external login table
/// (AspNetUserLogins). Roles and teams stay in this app; only an administrator's account is used unless
/// <see cref="CouncilSignInOptions.AllowAccountCreation"/>. Every sign-in and every refusal is an audit entry.
/// </summary>
public sealed class CouncilAccounts(UserManager<ApplicationUser> users, IAuditTrail audit, IApplicationDbContext db, IOptions<CouncilSignInOptions> options)
{
    public const string EntityType = "Account";

    public async Task<CouncilAccount> FindOrLinkAsync(string subject, string? email, string? name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var user = await users.FindByLoginAsync(CouncilSignInOptions.Scheme, subject);
        var linked = user is not null;
        if (user is null && string.IsNullOrWhiteSpace(email))
        {
            return await RefuseAsync(subject, CouncilRefusal.NoEmail, cancellationToken);
        }

        user ??= await users.FindByEmailAsync(email!.Trim());
        if (user is null && options.Value.AllowAccountCreation)
        {
            user = await CreateAsync(email!.Trim(), name);
        }

        if (user is null)
        {
            return await RefuseAsync(subject, CouncilRefusal.NoAccount, cancellationToken);
        }

        // A partner system's account is for the API only, as it is at the local sign-in form.
        if (await users.IsInRoleAsync(user, Roles.PartnerSystem))
        {
            return await RefuseAsync(user.Id.ToString(), CouncilRefusal.PartnerSystem, cancellationToken);
        }

        if (IsDeactivated(user))
        {
            return await RefuseAsync(user.Id.ToString(), CouncilRefusal.Deactivated, cancellationToken);
        }

        // Locked for a while after wrong passwords or codes at the app's own forms; the provider does not undo that.
        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(user.Id.ToString(), CouncilRefusal.LockedOut, cancellationToken);
        }

        if (!linked)
        {
            var added = await users.AddLoginAsync(user, new UserLoginInfo(CouncilSignInOptions.Scheme, subject, options.Value.DisplayName));
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("Linking the account to the council's sign-in failed: " + string.Join("; ", added.Errors.Select(e => e.Code)));
            }
        }

        audit.Record(new AuditRecord(AuditAction.SignedIn, EntityType, user.Id.ToString(), Reason: linked ? "Signed in through the council's identity provider" : "First sign-in through the council's identity provider: account linked"));
        await db.SaveChangesAsync(cancellationToken);
        return new CouncilAccount(user, CouncilRefusal.None);
    }

    // As the user directory reads it: a lockout ending centuries from now is a deactivated account, not a temporary lockout.
    private static bool IsDeactivated(ApplicationUser user) => user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(50);

    private async Task<ApplicationUser?> CreateAsync(string email, string? name)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(name) ? email : name.Trim() };
        var created = await users.CreateAsync(user);
        return created.Succeeded ? user : null;
    }

    /// <summary>The entry names the account where there is one, else the provider's subject (an opaque id, never the e-mail address).</summary>
    private async Task<CouncilAccount> RefuseAsync(string entityId, CouncilRefusal refusal, CancellationToken cancellationToken)
    {
        var id = entityId.Length <= 100 ? entityId : entityId[..100];
        audit.Record(new AuditRecord(AuditAction.SignInRefused, EntityType, id, Reason: $"Sign-in through the council's identity provider refused: {refusal}"));
        await db.SaveChangesAsync(cancellationToken);
        return new CouncilAccount(null, refusal);
    }
}
