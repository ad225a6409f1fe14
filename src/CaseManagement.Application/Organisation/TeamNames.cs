using System.Collections.Concurrent;

namespace CaseManagement.Application.Organisation;

/// <summary>
/// Each team's name, read once a server and kept (decision 0096). A team's name is set when it is made and never changes
/// (<see cref="Domain.Organisation.Team"/> has no way to change it), and a team is never removed, so what was read once
/// stays true: a referral's answer names its team without a round trip. A team not yet read is read with the caller's
/// context.
/// </summary>
public sealed class TeamNames
{
    private readonly ConcurrentDictionary<Guid, string> _names = new();

    /// <summary>The team's name; throws, as a query for one row does, when there is no such team.</summary>
    public async ValueTask<string> NameOfAsync(IApplicationDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_names.TryGetValue(teamId, out var name))
        {
            return name;
        }

        name = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(cancellationToken);
        _names.TryAdd(teamId, name);
        return name;
    }
}
