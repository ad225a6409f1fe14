using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>Reads accounts, their roles and teams from Identity's tables in two queries, not one per user.</summary>
public sealed class UserDirectory(AppDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) => await QueryAsync(null, cancellationToken);

    public async Task<UserSummary?> FindAsync(Guid id, CancellationToken cancellationToken) => (await QueryAsync(id, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyDictionary<Guid, int>> CountTeamMembersAsync(CancellationToken cancellationToken) =>
        await db.TeamMemberships.AsNoTracking()
            .GroupBy(m => m.TeamId)
            .Select(g => new { TeamId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TeamId, g => g.Count, cancellationToken);

    private async Task<List<UserSummary>> QueryAsync(Guid? id, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => id == null || u.Id == id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.AgencyId, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var teams = await db.TeamMemberships.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(
                u.Id,
                u.Email ?? string.Empty,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.AgencyId,
                teams.Where(t => t.UserId == u.Id).Select(t => t.TeamId).ToList(),
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(50),
                u.TwoFactorEnabled))
            .ToList();
    }
}
