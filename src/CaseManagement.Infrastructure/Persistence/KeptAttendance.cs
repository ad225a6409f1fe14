using System.Globalization;
using System.Text;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Keeps <c>team_attendance_days</c> (decision 0056) right in the save that changes what it counts: a contact recorded,
/// corrected, moved to a new date or given its outcome, and a case given another case manager. Worked out at the save
/// every change goes through, so no feature can forget it. The changes are read from the change tracker before the
/// save; the case managers the rows were counted under are read from the database after taking the figures' own lock
/// (the audit chain's until decision 0085 sealed the chain after the commit), so two saves never count the same contact
/// under different people.
/// </summary>
internal sealed class KeptAttendance
{
    private readonly List<(Guid Id, Guid CaseId, Cell? Before, Cell? After)> _contacts = [];
    private readonly Dictionary<Guid, (EntityState State, Guid? Manager)> _cases = [];

    private KeptAttendance()
    {
    }

    public bool IsEmpty => _contacts.Count == 0 && _cases.Count == 0;

    /// <summary>What the save about to run changes in the figures; nothing when no contact or case manager changes.</summary>
    public static KeptAttendance Collect(ChangeTracker tracker)
    {
        var kept = new KeptAttendance();
        foreach (var entry in tracker.Entries<Contact>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var before = entry.State == EntityState.Added ? null : Counted(Original<Guid>(entry, nameof(Contact.TeamId)), Original<ContactOutcome>(entry, nameof(Contact.Outcome)), Original<DateTime>(entry, nameof(Contact.StartsAtUtc)));
            var after = entry.State == EntityState.Deleted ? null : Counted(entry.Entity.TeamId, entry.Entity.Outcome, entry.Entity.StartsAtUtc);
            if (before != after)
            {
                kept._contacts.Add((entry.Entity.Id, entry.Entity.CaseId, before, after));
            }
        }

        foreach (var entry in tracker.Entries<ChildCase>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(c => c.CaseManagerUserId).IsModified))
            {
                kept._cases[entry.Entity.Id] = (entry.State, entry.Entity.CaseManagerUserId);
            }
        }

        // A case added with no contacts of its own changes nothing.
        foreach (var added in kept._cases.Where(c => c.Value.State == EntityState.Added && kept._contacts.All(k => k.CaseId != c.Key)).Select(c => c.Key).ToList())
        {
            kept._cases.Remove(added);
        }

        return kept;

        static T Original<T>(EntityEntry<Contact> entry, string property) => (T)entry.OriginalValues[property]!;
    }

    /// <summary>Writes the changes, inside the save's transaction.</summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await AuditWriter.LockAttendanceAsync(db, cancellationToken);
        var caseIds = _contacts.Select(c => c.CaseId).Concat(_cases.Keys).Distinct().ToList();
        var counted = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.CaseManagerUserId }).ToDictionaryAsync(c => c.Id, c => c.CaseManagerUserId, cancellationToken);
        Guid? Now(Guid caseId) => _cases.TryGetValue(caseId, out var changed) ? changed.Manager : counted.GetValueOrDefault(caseId);

        var changes = new Dictionary<(Guid TeamId, Guid Manager, DateOnly Day), (int Attended, int Missed)>();
        void Add(Guid teamId, Guid? manager, DateOnly day, bool attended, int by)
        {
            var key = (teamId, manager ?? TeamAttendanceDay.NoCaseManager, day);
            var (a, m) = changes.GetValueOrDefault(key);
            changes[key] = attended ? (a + by, m) : (a, m + by);
        }

        foreach (var (_, caseId, before, after) in _contacts)
        {
            if (before is { } was)
            {
                Add(was.TeamId, counted.GetValueOrDefault(caseId), was.Day, was.Attended, -1);
            }

            if (after is { } now)
            {
                Add(now.TeamId, Now(caseId), now.Day, now.Attended, 1);
            }
        }

        // A case with another case manager takes the contacts already saved with it from the one they were counted under.
        var moved = _cases.Where(c => c.Value.State == EntityState.Modified && counted.ContainsKey(c.Key) && counted[c.Key] != c.Value.Manager).Select(c => c.Key).ToList();
        if (moved.Count > 0)
        {
            var changing = _contacts.Select(c => c.Id).ToList();
            var held = await db.Contacts.AsNoTracking()
                .Where(c => moved.Contains(c.CaseId) && !changing.Contains(c.Id) && (c.Outcome == ContactOutcome.Attended || c.Outcome == ContactOutcome.DidNotAttend))
                .Select(c => new { c.CaseId, c.TeamId, c.StartsAtUtc, c.Outcome })
                .ToListAsync(cancellationToken);
            foreach (var contact in held)
            {
                var cell = Counted(contact.TeamId, contact.Outcome, contact.StartsAtUtc)!.Value;
                Add(cell.TeamId, counted[contact.CaseId], cell.Day, cell.Attended, -1);
                Add(cell.TeamId, _cases[contact.CaseId].Manager, cell.Day, cell.Attended, 1);
            }
        }

        var rows = changes.Where(c => c.Value != (0, 0)).ToList();
        foreach (var chunk in rows.Chunk(150))
        {
            await UpsertAsync(db, chunk, cancellationToken);
        }
    }

    private static Cell? Counted(Guid teamId, ContactOutcome outcome, DateTime startsAtUtc) =>
        TeamAttendanceDay.CountedOn(outcome, startsAtUtc) is { } day ? new Cell(teamId, day, outcome == ContactOutcome.Attended) : null;

    /// <summary>Adds to the rows, making the ones not there yet: one statement per chunk, so two saves never both insert a row.</summary>
    private static Task<int> UpsertAsync(AppDbContext db, IReadOnlyList<KeyValuePair<(Guid TeamId, Guid Manager, DateOnly Day), (int Attended, int Missed)>> rows, CancellationToken cancellationToken)
    {
        var sqlServer = db.Database.IsSqlServer();
        var sqlite = db.Database.IsSqlite();
        var values = new StringBuilder();
        var parameters = new List<object>();
        foreach (var ((teamId, manager, day), (attended, missed)) in rows)
        {
            var at = parameters.Count;
            values.Append(values.Length == 0 ? string.Empty : ", ")
                .Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}})");

            // SQLite keeps keys and days as the text EF Core writes (upper-case GUIDs, ISO days).
            parameters.Add(sqlite ? teamId.ToString().ToUpperInvariant() : teamId);
            parameters.Add(sqlite ? manager.ToString().ToUpperInvariant() : manager);
            parameters.Add(sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day);
            parameters.Add(attended);
            parameters.Add(missed);
        }

        var sql = sqlServer
            ? $"""
               MERGE [team_attendance_days] WITH (HOLDLOCK) AS t
               USING (VALUES {values}) AS s ([TeamId], [CaseManagerUserId], [Day], [Attended], [DidNotAttend])
               ON t.[TeamId] = s.[TeamId] AND t.[CaseManagerUserId] = s.[CaseManagerUserId] AND t.[Day] = s.[Day]
               WHEN MATCHED THEN UPDATE SET [Attended] = t.[Attended] + s.[Attended], [DidNotAttend] = t.[DidNotAttend] + s.[DidNotAttend]
               WHEN NOT MATCHED THEN INSERT ([TeamId], [CaseManagerUserId], [Day], [Attended], [DidNotAttend]) VALUES (s.[TeamId], s.[CaseManagerUserId], s.[Day], s.[Attended], s.[DidNotAttend]);
               """
            : $"""
               INSERT INTO team_attendance_days ("TeamId", "CaseManagerUserId", "Day", "Attended", "DidNotAttend") VALUES {values}
               ON CONFLICT ("TeamId", "CaseManagerUserId", "Day") DO UPDATE SET
               "Attended" = team_attendance_days."Attended" + excluded."Attended", "DidNotAttend" = team_attendance_days."DidNotAttend" + excluded."DidNotAttend"
               """;
        return db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    private readonly record struct Cell(Guid TeamId, DateOnly Day, bool Attended);
}
