using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Records;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Idempotency;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The one database context. Every save writes, in the same transaction, an audit entry for each change to an
/// audited record and for each view a handler recorded, chained to the entry before it (see <see cref="AuditWriter"/>).
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null, AuditKeyring? auditKeys = null)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IApplicationDbContext, IAuditTrail
{
    private readonly List<AuditRecord> _pendingAudit = [];

    /// <summary>
    /// False only for loading generated benchmark data in bulk (the <c>seed</c> command): fictional records that no
    /// person created or viewed, which would otherwise double the rows written. Never false for real records.
    /// </summary>
    public bool RecordsAudit { get; set; } = true;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();

    public DbSet<ReferralTransition> ReferralTransitions => Set<ReferralTransition>();

    public DbSet<MatchCandidate> MatchCandidates => Set<MatchCandidate>();

    public DbSet<ChildMatchKey> ChildMatchKeys => Set<ChildMatchKey>();

    public DbSet<ChildMerge> ChildMerges => Set<ChildMerge>();

    public DbSet<ReferralDraft> ReferralDrafts => Set<ReferralDraft>();

    public DbSet<ChildCase> Cases => Set<ChildCase>();

    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();

    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Entries written by saves and not yet sealed into the chain (decision 0085).</summary>
    public DbSet<UnsealedAuditEntry> UnsealedAudit => Set<UnsealedAuditEntry>();

    public DbSet<SetAsideAuditEntry> SetAsideAudit => Set<SetAsideAuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    // Issue 17: contacts and case notes
    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<TeamAttendanceDay> TeamAttendanceDays => Set<TeamAttendanceDay>();

    IQueryable<TeamAttendanceDay> IApplicationDbContext.TeamAttendanceDays => TeamAttendanceDays.AsNoTracking();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    // Issue 17: interventions and onward referrals
    public DbSet<InterventionKind> InterventionKinds => Set<InterventionKind>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<OnwardReferral> OnwardReferrals => Set<OnwardReferral>();

    // Issue 17: the plan and multi-agency meetings
    public DbSet<CasePlan> CasePlans => Set<CasePlan>();

    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    public DbSet<MultiAgencyMeeting> Meetings => Set<MultiAgencyMeeting>();

    // Issue 19: indicators, disposals, later offences, protected characteristics
    public DbSet<Domain.Outcomes.KpiRecord> KpiRecords => Set<Domain.Outcomes.KpiRecord>();

    public DbSet<Domain.Outcomes.Disposal> Disposals => Set<Domain.Outcomes.Disposal>();

    public DbSet<Domain.Outcomes.LaterOffence> LaterOffences => Set<Domain.Outcomes.LaterOffence>();

    public DbSet<Domain.Outcomes.ChildCharacteristics> ChildCharacteristics => Set<Domain.Outcomes.ChildCharacteristics>();

    public DbSet<Domain.Outcomes.BoardMeeting> BoardMeetings => Set<Domain.Outcomes.BoardMeeting>();
    // Issue 20: documents, retention and people's rights over their data
    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();

    public DbSet<RetentionReview> RetentionReviews => Set<RetentionReview>();

    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();

    public DbSet<ProcessingRestriction> ProcessingRestrictions => Set<ProcessingRestriction>();

    // Issue 23: webhooks back to the referrer (decision 0064)
    public DbSet<Domain.Partners.WebhookSubscription> WebhookSubscriptions => Set<Domain.Partners.WebhookSubscription>();

    public DbSet<Domain.Partners.WebhookDelivery> WebhookDeliveries => Set<Domain.Partners.WebhookDelivery>();

    // Issue 18: learned matching weights (decision 0066)
    public DbSet<Domain.Matching.MatchParameterSet> MatchParameterSets => Set<Domain.Matching.MatchParameterSet>();

    IQueryable<AuditEntry> IApplicationDbContext.AuditEntries => AuditLog.AsNoTracking();

    IQueryable<UnsealedAuditEntry> IApplicationDbContext.UnsealedAuditEntries => UnsealedAudit.AsNoTracking();

    IQueryable<SetAsideAuditEntry> IApplicationDbContext.SetAsideAuditEntries => SetAsideAudit.AsNoTracking();

    /// <summary>Whether the transaction running now wrote unsealed entries: sealed once it commits (<see cref="AuditSealAfterCommit"/>).</summary>
    internal bool WroteUnsealedAudit { get; set; }

    /// <summary>The app's clock, for the sealer's record of when it set a row aside.</summary>
    internal TimeProvider Clock => clock ?? TimeProvider.System;

    public void Record(AuditRecord record) => _pendingAudit.Add(record);

    /// <summary>
    /// Entries written before the chain was keyed are sealed by the first keyed entry after them, whose seal covers
    /// their last hash. When the newest entry is unkeyed (the first start after the upgrade), that entry is added at
    /// once rather than at the next audited change, so the unkeyed entries are not left open to a rebuild meanwhile.
    /// </summary>
    public async Task SealAuditTrailAsync(CancellationToken cancellationToken)
    {
        var newest = await AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.KeyId }).FirstOrDefaultAsync(cancellationToken);
        if (newest is { KeyId: null })
        {
            Record(new AuditRecord(AuditAction.Update, "AuditTrail", "key", Reason: "From this entry on, the trail is sealed with the audit key."));
            await SaveChangesAsync(cancellationToken);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The changes are found once, before the passes below read the tracker (each read found them all again: decision
        // 0111). Between them, only new rows are added (timeline, webhooks), which the tracker knows from their Add; the
        // save itself looks again, after the attendance is applied. A caller that turned the finding off keeps it off.
        var detects = ChangeTracker.AutoDetectChangesEnabled;
        if (detects)
        {
            ChangeTracker.DetectChanges();
        }

        KeptAttendance attendance;
        List<AuditRecord> recorded;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            WriteTimeline();
            attendance = KeptAttendance.Collect(ChangeTracker);

            // What the handler recorded itself (a view, an export): the changes are described again by the next save,
            // these are not, so a failed save gives them back for a retry.
            recorded = _pendingAudit.ToList();
            if (RecordsAudit)
            {
                await QueueWebhooksAsync(cancellationToken);
                _pendingAudit.AddRange(AuditWriter.DescribeChanges(ChangeTracker));
                await RefuseRestrictedAsync(cancellationToken);
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detects;
        }

        var audits = RecordsAudit && _pendingAudit.Count > 0;
        if (!audits && attendance.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;

        // EF makes a savepoint before a save in a transaction it did not begin, so a failed save can be undone alone and the
        // transaction go on. This transaction is the save's own: a failure rolls all of it back, so its savepoint would
        // undo nothing, and releasing it cost PostgreSQL one more round trip a save (decision 0101).
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && ownTransaction is null;
        try
        {
            if (!attendance.IsEmpty)
            {
                await attendance.ApplyAsync(this, cancellationToken);
            }

            if (audits)
            {
                var key = auditKeys?.Current ?? throw new InvalidOperationException("The audit trail has no key to seal entries with: register an AuditKeyring (AddAuditKeys).");
                var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
                if (AuditSealer.QueuesEntries(Database))
                {
                    // No lock: the entries are chained after the commit (decision 0085).
                    AuditWriter.Queue(this, _pendingAudit, currentUser, key, now);
                    WroteUnsealedAudit = true;
                }
                else
                {
                    await AuditWriter.AppendAsync(this, _pendingAudit, currentUser, key, now, cancellationToken);
                }

                _pendingAudit.Clear();
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            // The entities of a failed save stay tracked for the caller to correct or drop, and the next save describes
            // them again: the audit rows written for this attempt go, or a retry would write each entry twice.
            foreach (var row in ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is UnsealedAuditEntry or AuditEntry).ToList())
            {
                row.State = EntityState.Detached;
            }

            _pendingAudit.Clear();
            _pendingAudit.AddRange(recorded);
            throw;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Straight after a commit that wrote unsealed entries: seals what is waiting if no other sealer holds the chain, in a
    /// context of its own (so nothing this one tracks is saved with it), never waiting for the lock. The work is committed by then, so nothing here may
    /// fail the request: an entry left unsealed is the sweep's (<see cref="AuditSealSweep"/>).
    /// </summary>
    internal async Task SealAfterCommitAsync()
    {
        WroteUnsealedAudit = false;
        if (auditKeys is null || AuditSealer.CommittedWhileSealingHere(Database))
        {
            return;
        }

        try
        {
            // On this save's own connection, free once it has committed: a second connection for each request would let a
            // full pool of requests each wait for one more, and none would come.
            await using var sealer = new AppDbContext(options, null, clock, auditKeys) { RecordsAudit = false };
            sealer.Database.SetDbConnection(Database.GetDbConnection(), contextOwnsConnection: false);

            // The sealer's transaction is its own and rolls back whole: a savepoint around its save would undo nothing.
            sealer.Database.AutoSavepointsEnabled = false;
            await AuditSealer.SealWaitingAsync(sealer, auditKeys, wait: false, justWrote: true, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // Left for the sweep; the check of the trail reports entries that wait too long. The error's type only: its
            // message may quote a row's values.
            SealAfterCommitFailed(this.GetService<ILoggerFactory>().CreateLogger<AppDbContext>(), e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit entries of a committed save could not be sealed after the commit ({Error}); the sweep seals them.")]
    private static partial void SealAfterCommitFailed(ILogger logger, string error);

    // Issue 20: the records about a restricted child that may still change (the restriction, retention, subject access).
    private static readonly HashSet<string> UnrestrictedRecords = new(StringComparer.Ordinal) { nameof(ProcessingRestriction), nameof(RetentionReview), nameof(SubjectAccessRequest) };

    /// <summary>
    /// A child whose processing is restricted (decision 0052) has nothing added or changed about them: checked here, at
    /// the save every change goes through, so that no feature can forget it. Views and exports go on.
    /// </summary>
    private async Task RefuseRestrictedAsync(CancellationToken cancellationToken)
    {
        // A child registered in this very save cannot be restricted yet: a referral about a new child asks nothing.
        var registered = ChangeTracker.Entries<Child>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var children = _pendingAudit
            .Where(r => r.ChildId is not null && r.Action is not (AuditAction.View or AuditAction.Export) && !UnrestrictedRecords.Contains(r.EntityType))
            .Select(r => r.ChildId!.Value).Where(id => !registered.Contains(id)).Distinct().ToList();
        if (children.Count > 0 && await ProcessingRestrictions.AnyAsync(p => children.Contains(p.ChildId) && p.LiftedAtUtc == null, cancellationToken))
        {
            _pendingAudit.Clear();
            throw new DomainRuleException("Processing of this child's record is restricted: it is kept, but nothing can be added or changed until the restriction is lifted.");
        }
    }

    /// <summary>
    /// The one place the system's own timeline entries are written: every event an entity recorded that belongs on a
    /// child's timeline becomes an entry in the same save, so a change and its entry are never apart.
    /// </summary>
    private void WriteTimeline()
    {
        var recorded = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.Events.Count > 0).ToList();
        foreach (var entity in recorded)
        {
            foreach (var happened in entity.Events.OfType<ITimelineEvent>())
            {
                TimelineEntries.Add(TimelineEntry.FromEvent(happened));
            }

            entity.ClearEvents();
        }
    }

    /// <summary>
    /// Issue 23: every decision on a referral queues its webhooks in the save that records it (decision 0064), here, so
    /// that no handler that decides can forget them and a rolled-back decision sends nothing.
    /// </summary>
    private Task QueueWebhooksAsync(CancellationToken cancellationToken)
    {
        var decided = ChangeTracker.Entries<ReferralTransition>()
            .Where(t => t.State == EntityState.Added && Application.Partners.WebhookEvents.TypeOf(t.Entity.ToStatus) is not null)
            .Select(t => t.Entity.ReferralId).ToHashSet();
        var referrals = decided.Count == 0 ? [] : ChangeTracker.Entries<Referral>().Select(r => r.Entity).Where(r => decided.Contains(r.Id)).ToList();
        return referrals.Count == 0 ? Task.CompletedTask : Application.Partners.WebhookEvents.QueueAsync(this, referrals, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // The token server's clients and tokens (docs/decisions/0044), with OpenIddict's own entities.
        builder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ProviderSetup.ConfigureConventions(configurationBuilder, Database.IsSqlite() || Database.IsSqlServer());
    }
}
