using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>A person or partner system that signs in.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public Guid? AgencyId { get; set; }

    /// <summary>Set when an administrator gives the user a temporary password: they choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string roleName)
        : base(roleName)
    {
    }
}

/// <summary>A user's membership of a team; a user may belong to several.</summary>
public sealed class TeamMembership
{
    public Guid UserId { get; set; }

    public Guid TeamId { get; set; }
}
