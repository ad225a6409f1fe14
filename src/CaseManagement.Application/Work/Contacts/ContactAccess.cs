using CaseManagement.Application.Cases;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts;

/// <summary>
/// Need to know for contacts: everyone on a case (the team, and the seconded practitioners on it) records and reads its
/// contacts; the sensitive notes are read by the team and by the person who wrote them, never by other seconded staff.
/// A contact is corrected by the person who recorded it or by the team.
/// </summary>
public static class ContactAccess
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The case with its practitioners, when the user is on it (the team, or a seconded practitioner on the case).</summary>
    public static async Task<ChildCase> CaseForWorkAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Cases.VisibleTo(user, db.CaseMembers).Include(c => c.Members)
            .Where(c => c.Id == caseId).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Case", caseId);
    }

    /// <summary>
    /// The contact with its workers, goals and professionals, for a change by whoever recorded it or by the team. A
    /// <paramref name="revision"/> other than the contact's own means someone changed it since it was read.
    /// </summary>
    internal static async Task<Contact> ContactForChangeAsync(this IApplicationDbContext db, ICurrentUser user, ChildCase onCase, Guid contactId, int? revision, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Workers).Include(c => c.Goals).Include(c => c.Professionals)
            .Where(c => c.Id == contactId && c.CaseId == onCase.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Contact", contactId);
        if (!user.MayChangeContact(contact.TeamId, contact.RecordedByUserId))
        {
            throw new ForbiddenAccessException("Only the person who recorded a contact, or the team, can change it.");
        }

        if (revision is { } read && read != contact.Revision)
        {
            throw new Domain.Common.DomainRuleException("Someone changed this contact since you opened it. Open it again to see their change.");
        }

        return contact;
    }

    /// <summary>Whether the user reads the contact's sensitive notes: the team, and whoever wrote them.</summary>
    public static bool SeesSensitiveNotes(this ICurrentUser user, Guid teamId, Guid recordedByUserId) =>
        user.SeesTeamOnlyEntries(teamId) || recordedByUserId == user.UserId;

    /// <summary>Whether the user may correct the contact: whoever recorded it, and the team.</summary>
    public static bool MayChangeContact(this ICurrentUser user, Guid teamId, Guid recordedByUserId) =>
        user.SeesTeamOnlyEntries(teamId) || recordedByUserId == user.UserId;

    /// <summary>
    /// The people who can be named as a contact's workers: the team's case holders, the case manager and the seconded
    /// practitioners on the case now, and whoever is recording.
    /// </summary>
    public static async Task<IReadOnlyList<PersonRef>> WorkersOfAsync(this IUserDirectory users, ChildCase onCase, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(onCase);
        ArgumentNullException.ThrowIfNull(user);
        var everyone = await users.ListAsync(cancellationToken);
        var ids = everyone.ActiveCaseHolders([onCase.TeamId]);
        ids.UnionWith(onCase.Members.Where(m => m.RemovedAtUtc == null).Select(m => m.UserId));
        if (onCase.CaseManagerUserId is { } manager)
        {
            ids.Add(manager);
        }

        if (user.UserId is { } me)
        {
            ids.Add(me);
        }

        return everyone.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToList();
    }

    /// <summary>The moment a day and time on a clock in Wales is, in UTC (as every time is stored).</summary>
    public static DateTime UtcOf(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), UkTime);

    /// <summary>The day and time on a clock in Wales of a moment stored in UTC.</summary>
    public static DateTime UkOf(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    /// <summary>The contact's details from a request's fields, once its validator has passed them.</summary>
    internal static ContactDetails DetailsOf(IContactFields fields, Guid defaultWorker) => new(
        fields.Day!.Value,
        UtcOf(fields.Day.Value, fields.Time!.Value),
        fields.LengthMinutes!.Value,
        fields.Kind!.Value,
        fields.Place,
        fields.ChildTookPart,
        fields.ParentsOrCarers,
        fields.Professionals ?? [],
        fields.WorkerIds is { Count: > 0 } workers ? workers : [defaultWorker],
        fields.GoalIds ?? [],
        fields.Summary,
        fields.SensitiveNotes);

    /// <summary>The new date of a rearranged contact, when the request asks for one.</summary>
    internal static ContactDetails? RearrangedTo(IOutcomeFields fields, ContactDetails held) =>
        fields.Outcome == ContactOutcome.Rearranged && fields.NewDay is { } date && fields.NewTime is { } time
            ? held with { Date = date, StartsAtUtc = UtcOf(date, time) }
            : null;

    /// <summary>Checks the workers and goals a request names belong to the case.</summary>
    internal static async Task CheckPeopleAndGoalsAsync(this IApplicationDbContext db, IUserDirectory users, ICurrentUser user, ChildCase onCase, ContactDetails details, CancellationToken cancellationToken)
    {
        var workers = (await users.WorkersOfAsync(onCase, user, cancellationToken)).Select(p => p.Id).ToHashSet();
        if (details.WorkerIds.Any(w => !workers.Contains(w)))
        {
            throw new Domain.Common.DomainRuleException("Each worker must be someone on the case.", "WorkerIds");
        }

        var goalIds = details.GoalIds.Distinct().ToList();
        if (goalIds.Count > 0 && await db.Goals.CountAsync(g => goalIds.Contains(g.Id) && g.CaseId == onCase.Id, cancellationToken) != goalIds.Count)
        {
            throw new Domain.Common.DomainRuleException("Choose goals of this case only.", "GoalIds");
        }
    }
}
