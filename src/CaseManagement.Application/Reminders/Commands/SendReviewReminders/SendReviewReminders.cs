using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Reminders.Commands.SendReviewReminders;

/// <summary>
/// Works out every review reminder owed today (by the injected clock) and creates the ones not yet created: before a
/// review is due, when it is overdue, and to the team's managers after the grace period. Sent by the scheduled job.
/// Not an <see cref="ICommand{TResponse}"/> on purpose: each reminder is its own transaction (the notification and its
/// e-mail together), so a crash part way keeps what was done, and a reminder another server created first is skipped
/// without undoing the rest of the run.
/// </summary>
[Authorize(Roles.System)]
public sealed record SendReviewReminders : IRequest<ReminderRunResult>;

/// <summary>What a run did: cases looked at, reminders created, reminders found already made, e-mails queued.</summary>
public sealed record ReminderRunResult(int CasesChecked, int Created, int AlreadyCreated, int EmailsQueued)
{
    public JobSummary Summary => JobSummary.Of(JobSummary.RemindersSent, CasesChecked, Created, AlreadyCreated, EmailsQueued);
}

internal sealed partial class SendReviewRemindersHandler(
    IApplicationDbContext db,
    IUserDirectory users,
    IEmailSender email,
    IOptions<ReminderSettings> options,
    TimeProvider clock,
    ILogger<SendReviewRemindersHandler> logger) : IRequestHandler<SendReviewReminders, ReminderRunResult>
{
    public async Task<ReminderRunResult> Handle(SendReviewReminders request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(settings.DueSoonDays);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && c.CaseManagerUserId != null && c.NextReviewDue != null && c.NextReviewDue <= horizon)
            .OrderBy(c => c.NextReviewDue).ThenBy(c => c.Id)
            .Select(c => new CaseForReminder(c.Id, c.TeamId, c.CaseManagerUserId!.Value, c.NextReviewDue!.Value))
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return new ReminderRunResult(0, 0, 0, 0);
        }

        var accounts = (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id);
        var managersByTeam = accounts.Values
            .Where(u => !u.IsDisabled && u.Roles.Contains(Roles.TeamManager))
            .SelectMany(u => u.TeamIds.Select(team => (Team: team, u.Id)))
            .ToLookup(m => m.Team, m => m.Id);
        var caseIds = cases.Select(c => c.CaseId).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => caseIds.Contains(n.CaseId)).Select(n => n.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        int created = 0, already = 0, emails = 0, unescalated = 0;
        foreach (var @case in cases)
        {
            var managers = managersByTeam[@case.TeamId].ToList();
            if (managers.Count == 0 && today > @case.ReviewDue.AddDays(settings.EscalateAfterDays))
            {
                unescalated++;
            }

            foreach (var reminder in ReminderRules.For(@case, today, settings, managers))
            {
                if (existing.Contains(reminder.Key))
                {
                    already++;
                    continue;
                }

                switch (await TryCreateAsync(reminder, accounts, settings, now, cancellationToken))
                {
                    case Created.WithEmail:
                        created++;
                        emails++;
                        break;
                    case Created.InAppOnly:
                        created++;
                        break;
                    default:
                        already++;
                        break;
                }
            }
        }

        if (unescalated > 0)
        {
            LogNoManagers(logger, unescalated);
        }

        var result = new ReminderRunResult(cases.Count, created, already, emails);
        LogRun(logger, result.CasesChecked, result.Created, result.AlreadyCreated, result.EmailsQueued);
        return result;
    }

    /// <summary>
    /// Writes the notification and its e-mail in one transaction. The unique key decides a race with another server:
    /// the loser's insert fails, and finding the key now there means the reminder exists, so the run goes on.
    /// </summary>
    private async Task<Created> TryCreateAsync(DueReminder reminder, Dictionary<Guid, UserSummary> accounts, ReminderSettings settings, DateTime now, CancellationToken cancellationToken)
    {
        var notification = new Notification(reminder.Kind, reminder.RecipientUserId, reminder.CaseId, reminder.TeamId, reminder.ReviewDue, now);
        OutgoingEmail? mail = null;
        if (email.IsConfigured && accounts.TryGetValue(reminder.RecipientUserId, out var account) && !account.IsDisabled && !string.IsNullOrWhiteSpace(account.Email))
        {
            var (subject, body) = ReminderEmail.Compose(reminder.Kind, reminder.CaseId, reminder.ReviewDue, settings.LinkBaseUrl);
            mail = new OutgoingEmail(notification.Id, account.Email, subject, body, now);
        }

        // One save writes the notification and its e-mail together, or neither.
        db.Notifications.Add(notification);
        if (mail is not null)
        {
            db.OutgoingEmails.Add(mail);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return mail is null ? Created.InAppOnly : Created.WithEmail;
        }
        catch (DbUpdateException)
        {
            db.Notifications.Entry(notification).State = EntityState.Detached;
            if (mail is not null)
            {
                db.OutgoingEmails.Entry(mail).State = EntityState.Detached;
            }

            if (await db.Notifications.AsNoTracking().AnyAsync(n => n.Key == reminder.Key, cancellationToken))
            {
                return Created.ByAnother;
            }

            throw;
        }
    }

    private enum Created
    {
        ByAnother,
        InAppOnly,
        WithEmail,
    }

    // Counts only: no child, case or person is named in the logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminders: {Cases} cases due or overdue, {Created} reminders created, {Already} already sent, {Emails} e-mails queued")]
    private static partial void LogRun(ILogger logger, int cases, int created, int already, int emails);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review reminders: {Count} overdue reviews could not be escalated because their team has no active team manager")]
    private static partial void LogNoManagers(ILogger logger, int count);
}
