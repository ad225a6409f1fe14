using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Seeding;

/// <summary>The <c>Bootstrap</c> section: the first administrator of a new installation.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdministratorEmail { get; set; }

    public string? AdministratorPassword { get; set; }
}

/// <summary>
/// Creates the roles on every start, and on a database with no users the first administrator named in configuration,
/// so that a Production installation (where demo data is never seeded) can be signed in to.
/// </summary>
public sealed partial class AccountBootstrapper(UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<BootstrapOptions> options, ILogger<AccountBootstrapper> logger)
{
    public async Task BootstrapAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new ApplicationRole(role)));
            }
        }

        var email = options.Value.AdministratorEmail;
        if (string.IsNullOrWhiteSpace(email) || users.Users.Any())
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Value.AdministratorPassword))
        {
            throw new InvalidOperationException("Bootstrap:AdministratorPassword must be set with Bootstrap:AdministratorEmail.");
        }

        var administrator = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        Check(await users.CreateAsync(administrator, options.Value.AdministratorPassword));
        Check(await users.AddToRoleAsync(administrator, Roles.Administrator));
        LogCreated(logger);
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating an account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator from the Bootstrap settings")]
    private static partial void LogCreated(ILogger logger);
}
