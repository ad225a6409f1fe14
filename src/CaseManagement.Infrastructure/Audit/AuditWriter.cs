using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseManagement.Infrastructure.Audit;

/// <summary>
/// The one place the audit trail is written: it turns tracked changes into entries (before and after of each changed
/// property), then writes them unsealed for the <see cref="AuditSealer"/> to chain after the commit (PostgreSQL, SQL
/// Server; decision 0085), or appends them after the last entry under a lock (SQLite), so two requests never both follow
/// the same entry.
/// </summary>
internal static class AuditWriter
{
    // An arbitrary constant naming the audit trail's lock among PostgreSQL advisory locks.
    private const long ChainLockKey = 0x43_4D_41_55_44_49_54;

    // The kept figures' lock (decision 0056), apart from the chain's since the chain is sealed after the commit.
    private const long AttendanceLockKey = 0x43_4D_41_54_54_4E_44;

    private static readonly HashSet<Type> Audited =
    [
        typeof(Child), typeof(Referral), typeof(MatchCandidate), typeof(ChildMerge), typeof(Domain.Cases.ChildCase), typeof(Domain.Cases.CaseAllocation), typeof(Domain.Cases.CaseMember),
        typeof(Domain.Cases.Goal), typeof(Domain.Cases.Review), typeof(Domain.Cases.ReviewGoalScore), typeof(Domain.Timeline.TimelineEntry),
        typeof(Domain.Assessments.Assessment), typeof(Domain.Assessments.AssessmentArea), typeof(Domain.Assessments.AdversityRecord), typeof(Team), typeof(Agency), typeof(BreakGlassAccess),
        typeof(ApplicationUser), typeof(ApplicationRole), typeof(TeamMembership), typeof(IdentityUserRole<Guid>),

        // Issue 17: contacts and case notes
        typeof(Domain.Work.Contact), typeof(Domain.Work.ContactWorker), typeof(Domain.Work.ContactGoal), typeof(Domain.Work.ContactPerson),
        typeof(Domain.Work.CaseNote), typeof(Domain.Work.CaseNoteVersion),

        // Issue 17: interventions, onward referrals, the plan and meetings
        typeof(Domain.Work.InterventionKind), typeof(Domain.Work.Intervention), typeof(Domain.Work.InterventionGoal), typeof(Domain.Work.InterventionSession), typeof(Domain.Work.OnwardReferral),
        typeof(Domain.Work.CasePlan), typeof(Domain.Work.MyPlanItem), typeof(Domain.Work.PlanAction), typeof(Domain.Work.ExitSupport), typeof(Domain.Work.PlanVersion), typeof(Domain.Work.MultiAgencyMeeting), typeof(Domain.Work.MeetingAttendee), typeof(Domain.Work.MeetingDecision),

        // Issue 19: indicators, disposals, later offences, protected characteristics
        typeof(Domain.Outcomes.KpiRecord), typeof(Domain.Outcomes.Disposal), typeof(Domain.Outcomes.LaterOffence), typeof(Domain.Outcomes.ChildCharacteristics), typeof(Domain.Outcomes.BoardMeeting),
        // Issue 20: documents (their metadata; the bytes are never copied into the trail)
        typeof(Domain.Records.Document), typeof(Domain.Records.RetentionRule), typeof(Domain.Records.RetentionReview), typeof(Domain.Records.SubjectAccessRequest), typeof(Domain.Records.ProcessingRestriction),
        // Issue 18: learned matching weights (who estimated, who activated or discarded)
        typeof(Domain.Matching.MatchParameterSet),
    ];

    // Secrets are never copied into the trail; that they changed is recorded, not what they are.
    // Welsh names stay readable in the trail and its CSV export (Siôn, not Si\u00F4n); the JSON is never put into HTML unencoded.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp" };

    // Protected characteristics are special-category data (decision 0049): the trail says they changed, not what they are.
    private static readonly HashSet<Type> ValuesHidden = [typeof(Domain.Outcomes.ChildCharacteristics)];

    public static List<AuditRecord> DescribeChanges(ChangeTracker tracker)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in tracker.Entries())
        {
            if (!Audited.Contains(entry.Entity.GetType()) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
                {
                    continue;
                }

                changes[name] = Hidden.Contains(name) || ValuesHidden.Contains(entry.Entity.GetType()) ? ["(hidden)", "(hidden)"] : [before, after];
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            var childId = entry.Entity switch
            {
                Child child => child.Id,
                Referral referral => referral.ChildId,
                MatchCandidate candidate => candidate.ChildId,
                ChildMerge merge => merge.MergedChildId,
                Domain.Cases.ChildCase opened => opened.ChildId,
                Domain.Cases.Goal goal => goal.ChildId,
                Domain.Cases.Review review => review.ChildId,
                Domain.Timeline.TimelineEntry timelineEntry => timelineEntry.ChildId,
                Domain.Assessments.Assessment assessment => assessment.ChildId,
                Domain.Work.Contact contact => contact.ChildId,
                Domain.Work.CaseNote note => note.ChildId,
                Domain.Work.Intervention intervention => intervention.ChildId,
                Domain.Work.OnwardReferral onward => onward.ChildId,
                Domain.Work.CasePlan plan => plan.ChildId,
                Domain.Work.MultiAgencyMeeting meeting => meeting.ChildId,
                Domain.Outcomes.KpiRecord kpi => kpi.ChildId,
                Domain.Outcomes.Disposal disposal => disposal.ChildId,
                Domain.Outcomes.LaterOffence offence => offence.ChildId,
                Domain.Outcomes.ChildCharacteristics characteristics => characteristics.ChildId,
                Domain.Records.Document document => document.ChildId,
                Domain.Records.RetentionReview review => review.ChildId,
                Domain.Records.SubjectAccessRequest access => access.ChildId,
                Domain.Records.ProcessingRestriction restriction => restriction.ChildId,
                _ => (Guid?)null,
            };
            records.Add(new AuditRecord(action, entry.Metadata.ClrType.Name, key, childId, JsonSerializer.Serialize(changes, Json)));
        }

        return records;
    }

    public static async Task AppendAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, ICurrentUser? user, AuditKey key, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await LockChainAsync(db, cancellationToken);
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? AuditEntry.GenesisHash;
        var userName = user is { IsAuthenticated: true } ? user.DisplayName : "system";
        foreach (var record in records)
        {
            var entry = AuditEntry.Create(record, user?.UserId, userName, user?.IpAddress, nowUtc);
            entry.Chain(++sequence, previousHash, key);
            previousHash = entry.Hash;
            db.AuditLog.Add(entry);
        }
    }

    /// <summary>
    /// Writes the entries unsealed, in the save's own transaction and with no lock: the sealer chains them once the save
    /// has committed (decision 0085).
    /// </summary>
    public static void Queue(AppDbContext db, IReadOnlyList<AuditRecord> records, ICurrentUser? user, AuditKey key, DateTime nowUtc)
    {
        var userName = user is { IsAuthenticated: true } ? user.DisplayName : "system";
        foreach (var record in records)
        {
            db.UnsealedAudit.Add(UnsealedAuditEntry.Create(record, user?.UserId, userName, user?.IpAddress, nowUtc, key));
        }
    }

    /// <summary>
    /// The chain's lock if no one holds it, at once, until the transaction ends; false when another sealer holds it.
    /// SQLite needs no lock (its write transactions are serial).
    /// </summary>
    internal static async Task<bool> TryLockChainAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return (await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({ChainLockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single();
        }

        if (db.Database.IsSqlServer())
        {
            const string Sql = "DECLARE @taken int; EXEC @taken = sp_getapplock @Resource = 'casemanagement:audit-chain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0; SELECT CAST(CASE WHEN @taken >= 0 THEN 1 ELSE 0 END AS bit) AS [Value]";
            return (await db.Database.SqlQueryRaw<bool>(Sql).ToListAsync(cancellationToken)).Single();
        }

        return true;
    }

    /// <summary>
    /// Makes the saves that keep the attendance figures (decision 0056) one at a time until the transaction ends, so two
    /// saves never count the same contact under different people. Taken again in the same transaction, it is already held.
    /// </summary>
    internal static async Task LockAttendanceAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AttendanceLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync("EXEC sp_getapplock @Resource = 'casemanagement:attendance', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", cancellationToken);
        }
    }

    /// <summary>
    /// Makes the writers of the chain (the sealer; on SQLite the saves) one at a time until the transaction ends. Taken
    /// again in the same transaction, it is already held.
    /// </summary>
    internal static async Task LockChainAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Held to the end of the transaction; SQLite needs nothing, as its write transactions are already serial.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            // The same lock on SQL Server: an application lock owned by the transaction, released at its end.
            await db.Database.ExecuteSqlRawAsync("EXEC sp_getapplock @Resource = 'casemanagement:audit-chain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", cancellationToken);
        }
    }
}
