using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>Puts the user's display name and teams into the sign-in, so requests need not look them up.</summary>
public sealed class TeamClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    public const string TeamClaim = "team";
    public const string DisplayNameClaim = "display_name";
    public const string MustChangePasswordClaim = "must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        // A partner system's password is its secret, set by an administrator; it has no page on which to change it.
        if (user.MustChangePassword && !identity.HasClaim(identity.RoleClaimType, Roles.PartnerSystem))
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        var teams = await db.TeamMemberships.Where(m => m.UserId == user.Id).Select(m => m.TeamId).ToListAsync();
        foreach (var team in teams)
        {
            identity.AddClaim(new Claim(TeamClaim, team.ToString()));
        }

        return identity;
    }
}
