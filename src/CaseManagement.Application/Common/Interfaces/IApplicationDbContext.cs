using CaseManagement.Domain.Access;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Records;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>The narrow view of the database that handlers use; no repository layer sits over EF Core.</summary>
public interface IApplicationDbContext
{
    DbSet<Agency> Agencies { get; }

    DbSet<Team> Teams { get; }

    DbSet<Child> Children { get; }

    DbSet<Referral> Referrals { get; }

    DbSet<BreakGlassAccess> BreakGlassAccesses { get; }

    DbSet<ReferralTransition> ReferralTransitions { get; }

    DbSet<MatchCandidate> MatchCandidates { get; }

    DbSet<ChildMatchKey> ChildMatchKeys { get; }

    DbSet<ChildMerge> ChildMerges { get; }

    DbSet<ReferralDraft> ReferralDrafts { get; }

    DbSet<ChildCase> Cases { get; }

    DbSet<CaseAllocation> CaseAllocations { get; }

    DbSet<CaseMember> CaseMembers { get; }

    DbSet<Goal> Goals { get; }

    DbSet<Review> Reviews { get; }

    DbSet<TimelineEntry> TimelineEntries { get; }

    DbSet<Assessment> Assessments { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<OutgoingEmail> OutgoingEmails { get; }

    DbSet<JobRun> JobRuns { get; }

    // Issue 17: contacts and case notes
    DbSet<Contact> Contacts { get; }

    /// <summary>The team's attendance kept per day and case manager (decision 0056); the save keeps it, so it is read only.</summary>
    IQueryable<TeamAttendanceDay> TeamAttendanceDays { get; }

    DbSet<CaseNote> CaseNotes { get; }

    // Issue 17: interventions and onward referrals
    DbSet<InterventionKind> InterventionKinds { get; }

    DbSet<Intervention> Interventions { get; }

    DbSet<OnwardReferral> OnwardReferrals { get; }

    // Issue 17: the plan and multi-agency meetings
    DbSet<CasePlan> CasePlans { get; }

    DbSet<PlanVersion> PlanVersions { get; }

    DbSet<MultiAgencyMeeting> Meetings { get; }

    // Issue 19: indicators, disposals, later offences, protected characteristics
    DbSet<KpiRecord> KpiRecords { get; }

    DbSet<Disposal> Disposals { get; }

    DbSet<LaterOffence> LaterOffences { get; }

    DbSet<ChildCharacteristics> ChildCharacteristics { get; }

    DbSet<BoardMeeting> BoardMeetings { get; }
    // Issue 20: documents, retention and people's rights over their data
    DbSet<Document> Documents { get; }

    DbSet<RetentionRule> RetentionRules { get; }

    DbSet<RetentionReview> RetentionReviews { get; }

    DbSet<SubjectAccessRequest> SubjectAccessRequests { get; }

    DbSet<ProcessingRestriction> ProcessingRestrictions { get; }

    // Issue 23: webhooks back to the referrer (decision 0064)
    DbSet<Domain.Partners.WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<Domain.Partners.WebhookDelivery> WebhookDeliveries { get; }

    // Issue 18: learned matching weights (decision 0066)
    DbSet<Domain.Matching.MatchParameterSet> MatchParameterSets { get; }

    /// <summary>The audit trail, for reading: entries are only ever added by the context as it saves.</summary>
    IQueryable<AuditEntry> AuditEntries { get; }

    /// <summary>Entries written but not yet sealed into the chain (decision 0085), for reading: the sealer alone moves them.</summary>
    IQueryable<UnsealedAuditEntry> UnsealedAuditEntries { get; }

    /// <summary>Rows the sealer found in the waiting table and would not seal (decision 0085): each one is a finding.</summary>
    IQueryable<SetAsideAuditEntry> SetAsideAuditEntries { get; }

    DatabaseFacade Database { get; }

    /// <summary>What the context holds unsaved: forgotten before a command runs again (see <c>TransactionBehaviour</c>).</summary>
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
