using System.Globalization;
using CaseManagement.Application.Records.Documents;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Records;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Records.Retention;

/// <summary>
/// The retention schedule (decision 0051): the rules in force, and the destruction of a record past its date, which
/// removes the personal data and keeps the rows the reports count (cases, referrals, their dates, states and teams).
/// </summary>
public static class RetentionSchedule
{
    public const string Destroyed = "(destroyed)";

    /// <summary>Each kind's rule: the administrator's, or the default until one is set.</summary>
    public static async Task<IReadOnlyDictionary<RetentionKind, RetentionRule>> RulesAsync(this IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = await db.RetentionRules.AsNoTracking().ToListAsync(cancellationToken);
        return Enum.GetValues<RetentionKind>().ToDictionary(k => k, k => set.SingleOrDefault(r => r.Kind == k) ?? RetentionRule.DefaultFor(k));
    }

    /// <summary>
    /// Destroys what the review is about. Written with set-based updates, never through tracked entities, so that the
    /// values destroyed are not copied into the audit trail as the "before" of a change; the audit entries about the
    /// child lose their changes too, and the chain still verifies because it seals their digest (decision 0051).
    /// </summary>
    public static async Task DestroyAsync(this IApplicationDbContext db, IDocumentStore store, RetentionReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(review);
        var referralIds = review.Kind == RetentionKind.ReferralNotTakenOn
            ? [review.RecordId]
            : await db.Referrals.Where(r => r.ChildId == review.ChildId).Select(r => r.Id).ToListAsync(cancellationToken);
        var childId = review.ChildId;
        if (childId is { } id && review.Kind == RetentionKind.ReferralNotTakenOn && await db.Cases.AnyAsync(c => c.ChildId == id, cancellationToken))
        {
            // The child has a case since: their record is kept under the case's rule; only the referral goes.
            childId = null;
        }

        var documents = db.Documents.Where(d => (childId != null && d.ChildId == childId) || (d.OwnerKind == DocumentOwner.Referral && referralIds.Contains(d.OwnerId)));
        foreach (var key in await documents.Select(d => d.StorageKey).ToListAsync(cancellationToken))
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        await documents.ExecuteDeleteAsync(cancellationToken);
        await db.Referrals.Where(r => referralIds.Contains(r.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ChildGivenName, Destroyed).SetProperty(r => r.ChildFamilyName, Destroyed).SetProperty(r => r.ChildPreferredName, (string?)null)
                .SetProperty(r => r.ChildPostcode, (string?)null).SetProperty(r => r.ChildNhsNumber, (string?)null).SetProperty(r => r.ChildUniquePupilNumber, (string?)null)
                .SetProperty(r => r.ChildPncId, (string?)null).SetProperty(r => r.ChildAddress, (string?)null).SetProperty(r => r.ChildSchool, (string?)null)
                .SetProperty(r => r.ParentsOrCarers, (string?)null).SetProperty(r => r.Concerns, Destroyed).SetProperty(r => r.Reason, (string?)null)
                .SetProperty(r => r.SensitiveNotes, (string?)null).SetProperty(r => r.ReferrerName, Destroyed).SetProperty(r => r.ReferrerPhone, (string?)null)
                .SetProperty(r => r.ReferrerEmail, (string?)null).SetProperty(r => r.PoliceOccurrenceReference, (string?)null).SetProperty(r => r.OutcomeReason, (string?)null)
                .SetProperty(r => r.ChildHouseNumberOrName, (string?)null).SetProperty(r => r.ChildStreet, (string?)null).SetProperty(r => r.ChildTown, (string?)null)
                .SetProperty(r => r.ChildEmail, (string?)null).SetProperty(r => r.ChildPhone, (string?)null).SetProperty(r => r.ChildOtherIdentifier, (string?)null)
                .SetProperty(r => r.ParentOrCarerNames, (string?)null),
            cancellationToken);

        // A referral's matching keys are hashes of the details just destroyed: they go too, also when the child's record
        // is kept under a case's rule (the child's own keys stay with the child).
        await db.ChildMatchKeys.Where(k => referralIds.Contains(k.SourceId)).ExecuteDeleteAsync(cancellationToken);
        if (childId is not { } child)
        {
            return;
        }

        await db.Children.Where(c => c.Id == child).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.GivenName, Destroyed).SetProperty(c => c.FamilyName, Destroyed).SetProperty(c => c.PreferredName, (string?)null)
                .SetProperty(c => c.Postcode, (string?)null).SetProperty(c => c.NhsNumber, (string?)null).SetProperty(c => c.UniquePupilNumber, (string?)null).SetProperty(c => c.PncId, (string?)null)
                .SetProperty(c => c.HouseNumberOrName, (string?)null).SetProperty(c => c.Street, (string?)null).SetProperty(c => c.Town, (string?)null)
                .SetProperty(c => c.School, (string?)null).SetProperty(c => c.ParentOrCarerNames, (string?)null).SetProperty(c => c.Email, (string?)null)
                .SetProperty(c => c.Phone, (string?)null).SetProperty(c => c.OtherIdentifier, (string?)null),
            cancellationToken);
        await db.ChildMatchKeys.Where(k => k.ChildId == child).ExecuteDeleteAsync(cancellationToken);
        await db.MatchCandidates.Where(m => m.ChildId == child).ExecuteUpdateAsync(s => s.SetProperty(m => m.Explanation, Destroyed).SetProperty(m => m.DecisionNote, (string?)null), cancellationToken);
        await db.Cases.Where(c => c.ChildId == child).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExitPlan, (string?)null), cancellationToken);
        await db.CaseNotes.Where(n => n.ChildId == child).ExecuteDeleteAsync(cancellationToken);
        await db.TimelineEntries.Where(t => t.ChildId == child).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.Title, (string?)null).SetProperty(t => t.Notes, (string?)null).SetProperty(t => t.Detail, (string?)null).SetProperty(t => t.WithdrawnReason, (string?)null),
            cancellationToken);
        await db.Contacts.Where(c => c.ChildId == child).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.Place, (string?)null).SetProperty(c => c.ParentsOrCarers, (string?)null).SetProperty(c => c.CancelReason, (string?)null)
                .SetProperty(c => c.Summary, (string?)null).SetProperty(c => c.SensitiveNotes, (string?)null),
            cancellationToken);
        await db.DestroyWorkTextAsync(child, cancellationToken);
        await db.AuditEntries.Where(e => e.ChildId == child && e.ChangesDigest != null && e.Changes != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null), cancellationToken);
        await db.ClearSetAsideChangesAsync(db.SetAsideAuditEntries.Where(e => e.ChildId == child), cancellationToken);
    }

    /// <summary>
    /// The nightly part of decision 0099: a row the audit sealer set aside keeps its changes, which may hold a child's
    /// details, as long as the shortest rule keeps a child's details (the referral not taken on: two years by default)
    /// after it was set aside, then loses them; everything else about it is kept as the evidence of the write. Each row
    /// cleared is audited. Answers how many were cleared.
    /// </summary>
    internal static async Task<int> ClearSetAsideChangesPastRetentionAsync(this IApplicationDbContext db, IAuditTrail audit, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rules = await db.RulesAsync(cancellationToken);
        var setAsideBefore = nowUtc.AddYears(-rules[RetentionKind.ReferralNotTakenOn].YearsAfter);
        var cleared = await db.ClearSetAsideChangesAsync(db.SetAsideAuditEntries.Where(e => e.SetAsideAtUtc <= setAsideBefore), cancellationToken);
        foreach (var id in cleared)
        {
            // The row's own id and the rule only: its content is what was just cleared.
            audit.Record(new AuditRecord(AuditAction.Update, "AuditSetAsideEntry", id.ToString(CultureInfo.InvariantCulture), Reason: "Changes cleared after their retention period; their digest is kept."));
        }

        return cleared.Count;
    }

    /// <summary>
    /// Clears the changes of the set-aside rows given, keeping their SHA-256 (the database allows only this change to such a
    /// row). A row set aside before schema 0044 has no digest yet: it is computed here, from the changes it replaces.
    /// </summary>
    private static async Task<List<long>> ClearSetAsideChangesAsync(this IApplicationDbContext db, IQueryable<SetAsideAuditEntry> rows, CancellationToken cancellationToken)
    {
        var held = rows.Where(e => e.Changes != null);
        var withoutDigest = await held.Where(e => e.ChangesDigest == null).Select(e => new { e.Id, e.Changes }).ToListAsync(cancellationToken);
        foreach (var row in withoutDigest)
        {
            var digest = AuditEntry.DigestOf(row.Changes!);
            await db.SetAsideAuditEntries.Where(e => e.Id == row.Id && e.ChangesDigest == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ChangesDigest, digest).SetProperty(e => e.Changes, (string?)null), cancellationToken);
        }

        // Read for the audit, then cleared in one statement over the same rows (not a list of ids: SQL Server takes at most
        // about 2,100 parameters, and its trigger fires even for a statement that touches no row).
        var ids = await held.Select(e => e.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await held.ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null), cancellationToken);
        }

        return [.. withoutDigest.Select(r => r.Id), .. ids];
    }

    /// <summary>
    /// The free text of the work with the child (decision 0062): assessments, goals and reviews, the plan and its
    /// published versions, meetings, interventions, onward referrals and the other professionals named on contacts.
    /// Rows, states, dates and ratings stay, so the figures that count them are unchanged.
    /// </summary>
    private static async Task DestroyWorkTextAsync(this IApplicationDbContext db, Guid child, CancellationToken cancellationToken)
    {
        var assessments = db.Assessments.Where(a => a.ChildId == child);
        await assessments.ExecuteUpdateAsync(
            s => s.SetProperty(a => a.ReturnComments, (string?)null).SetProperty(a => a.ReoffendingRationale, (string?)null).SetProperty(a => a.ReoffendingEvidence, (string?)null)
                .SetProperty(a => a.SeriousHarmRationale, (string?)null).SetProperty(a => a.SeriousHarmEvidence, (string?)null).SetProperty(a => a.WellbeingRationale, (string?)null)
                .SetProperty(a => a.WellbeingEvidence, (string?)null).SetProperty(a => a.NeurodiversityNotes, (string?)null).SetProperty(a => a.LearningNotes, (string?)null)
                .SetProperty(a => a.Relationships, (string?)null).SetProperty(a => a.Interests, (string?)null).SetProperty(a => a.Aspirations, (string?)null)
                .SetProperty(a => a.ChildView, (string?)null).SetProperty(a => a.ParentView, (string?)null).SetProperty(a => a.Analysis, (string?)null)
                .SetProperty(a => a.Recommendations, (string?)null),
            cancellationToken);
        await assessments.SelectMany(a => a.Areas).ExecuteUpdateAsync(s => s.SetProperty(a => a.Strengths, (string?)null).SetProperty(a => a.Needs, (string?)null), cancellationToken);
        await assessments.SelectMany(a => a.Adversities).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.NotAskedReason, (string?)null).SetProperty(a => a.Source, (string?)null).SetProperty(a => a.Notes, (string?)null), cancellationToken);
        await db.Goals.Where(g => g.ChildId == child).ExecuteUpdateAsync(s => s.SetProperty(g => g.Description, Destroyed), cancellationToken);
        await db.Reviews.Where(r => r.ChildId == child).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.WhatIsWorking, (string?)null).SetProperty(r => r.ChildView, (string?)null).SetProperty(r => r.FamilyView, (string?)null).SetProperty(r => r.Recommendations, (string?)null),
            cancellationToken);
        var plans = db.CasePlans.Where(p => p.ChildId == child);
        await plans.SelectMany(p => p.Items).ExecuteUpdateAsync(s => s.SetProperty(i => i.Text, Destroyed), cancellationToken);
        await plans.SelectMany(p => p.Actions).ExecuteUpdateAsync(s => s.SetProperty(a => a.What, Destroyed).SetProperty(a => a.OwnerPerson, (string?)null).SetProperty(a => a.DroppedReason, (string?)null), cancellationToken);
        await plans.SelectMany(p => p.Exit).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, (string?)null).SetProperty(e => e.WhatTheyDo, Destroyed), cancellationToken);
        // A published version is read back as JSON: it becomes an empty plan rather than text that no longer parses.
        var emptyPlan = PlanContent.Empty([]).Serialise();
        await plans.SelectMany(p => p.Versions).ExecuteUpdateAsync(s => s.SetProperty(v => v.Content, emptyPlan), cancellationToken);
        var meetings = db.Meetings.Where(m => m.ChildId == child);
        await meetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.ChildView, (string?)null).SetProperty(m => m.FamilyView, (string?)null), cancellationToken);
        await meetings.SelectMany(m => m.Attendees).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, Destroyed).SetProperty(a => a.Role, (string?)null), cancellationToken);
        await meetings.SelectMany(m => m.Decisions).ExecuteUpdateAsync(s => s.SetProperty(d => d.Text, Destroyed).SetProperty(d => d.OwnerPerson, (string?)null), cancellationToken);
        await db.Interventions.Where(i => i.ChildId == child).ExecuteUpdateAsync(s => s.SetProperty(i => i.StopReason, (string?)null), cancellationToken);
        await db.OnwardReferrals.Where(o => o.ChildId == child).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Reason, (string?)null).SetProperty(o => o.DeclineReason, (string?)null).SetProperty(o => o.CloseReason, (string?)null), cancellationToken);
        await db.Contacts.Where(c => c.ChildId == child).SelectMany(c => c.Professionals).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Destroyed), cancellationToken);
    }

    /// <summary>The records past their date that no review lists yet: children whose cases are all closed, and referrals not taken on.</summary>
    internal static async Task<List<RetentionReview>> NewlyDueAsync(this IApplicationDbContext db, DateOnly today, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rules = await db.RulesAsync(cancellationToken);
        var reviewed = (await db.RetentionReviews.AsNoTracking().Select(r => r.RecordId).ToListAsync(cancellationToken)).ToHashSet();
        var destroyedChildren = (await db.RetentionReviews.AsNoTracking().Where(r => r.State == RetentionState.Destroyed && r.ChildId != null).Select(r => r.ChildId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var cases = await db.Cases.AsNoTracking()
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { c.Id, c.ChildId, c.TeamId, c.Status, c.ClosedOn, k.DateOfBirth })
            .ToListAsync(cancellationToken);
        var due = new List<RetentionReview>();
        foreach (var child in cases.GroupBy(c => c.ChildId).Where(g => g.All(c => c.Status == CaseStatus.Closed && c.ClosedOn != null) && !destroyedChildren.Contains(g.Key)))
        {
            var last = child.OrderByDescending(c => c.ClosedOn).First();
            var dueOn = rules[RetentionKind.ClosedCase].DueOn(last.ClosedOn!.Value, last.DateOfBirth);
            if (dueOn <= today && !reviewed.Contains(last.Id))
            {
                due.Add(RetentionReview.List(RetentionKind.ClosedCase, last.Id, child.Key, last.TeamId, dueOn, nowUtc));
            }
        }

        var withCases = cases.Select(c => c.ChildId).ToHashSet();
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseId == null && r.DecidedAtUtc != null && (r.Status == ReferralStatus.Signposted || r.Status == ReferralStatus.Declined))
            .Select(r => new { r.Id, r.ChildId, r.TeamId, r.DecidedAtUtc })
            .ToListAsync(cancellationToken);
        foreach (var referral in referrals.Where(r => !reviewed.Contains(r.Id) && (r.ChildId is null || !withCases.Contains(r.ChildId.Value))))
        {
            var dueOn = rules[RetentionKind.ReferralNotTakenOn].DueOn(DateOnly.FromDateTime(referral.DecidedAtUtc!.Value), null);
            if (dueOn <= today)
            {
                due.Add(RetentionReview.List(RetentionKind.ReferralNotTakenOn, referral.Id, referral.ChildId, referral.TeamId, dueOn, nowUtc));
            }
        }

        return due;
    }
}

/// <summary>Need to know for the review queue: a team manager decides on the records of their own teams.</summary>
public static class RetentionAccess
{
    public static async Task<RetentionReview> ReviewForTeamAsync(this IApplicationDbContext db, ICurrentUser user, Guid reviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var teams = user.TeamIds.ToList();
        return await db.RetentionReviews.SingleOrDefaultAsync(r => r.Id == reviewId && teams.Contains(r.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Retention review", reviewId);
    }
}
