namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A person or partner system that can sign in, as the administration pages and the audit filters show it.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? AgencyId, IReadOnlyList<Guid> TeamIds, bool IsDisabled, bool TwoFactorEnabled);

/// <summary>The accounts, kept by ASP.NET Core Identity in Infrastructure.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken);

    Task<UserSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>How many accounts belong to each team; a team with no members is missing from the answer.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountTeamMembersAsync(CancellationToken cancellationToken);
}

public static class UserDirectoryExtensions
{
    /// <summary>Every account's display name by id, for turning the ids a record keeps into the names people read.</summary>
    public static async Task<Dictionary<Guid, string>> DisplayNamesAsync(this IUserDirectory users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        return (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
    }

    /// <summary>
    /// The people who can hold the given teams' cases now: a case manager or team manager of one of the teams whose
    /// account is not disabled. A case held by anyone else (who left, or moved team) is unallocated in practice.
    /// Works on a list already read, so a request that also needs names reads the directory once.
    /// </summary>
    public static HashSet<Guid> ActiveCaseHolders(this IEnumerable<UserSummary> accounts, IReadOnlyCollection<Guid> teamIds)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(teamIds);
        return accounts
            .Where(u => !u.IsDisabled && u.TeamIds.Any(teamIds.Contains) && u.Roles.Any(Security.Roles.TeamCaseRoles.Contains))
            .Select(u => u.Id).ToHashSet();
    }
}
