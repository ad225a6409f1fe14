using CaseManagement.Domain.Notifications;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Jobs.Commands.DispatchEmails;

/// <summary>
/// Sends what waits in the e-mail outbox. A run claims a batch with a lease (a conditional update, so two servers
/// never claim the same message), sends each message and marks it sent at once. The one window left is a crash after
/// the server accepted a message and before it was marked: the message goes again once the lease ends, with the same
/// Message-Id (docs/decisions/0020-reminder-e-mail-outbox.md).
/// </summary>
[Authorize(Roles.System)]
public sealed record DispatchEmails(int BatchSize = 20) : IRequest<EmailDispatchResult>;

public sealed record EmailDispatchResult(int Sent, int Failed, int GaveUp)
{
    public JobSummary Summary => JobSummary.Of(JobSummary.EmailsSent, Sent, Failed, GaveUp);
}

internal sealed partial class DispatchEmailsHandler(IApplicationDbContext db, IEmailSender sender, TimeProvider clock, ILogger<DispatchEmailsHandler> logger)
    : IRequestHandler<DispatchEmails, EmailDispatchResult>
{
    /// <summary>Longer than a batch takes to send (each message times out well inside a minute).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// No send starts this close to the lease's end: one send may connect, sign in and send, each up to the SMTP
    /// timeout (30 s by default), and must finish before another server could claim the message.
    /// </summary>
    private static readonly TimeSpan SendMargin = TimeSpan.FromMinutes(3);

    public async Task<EmailDispatchResult> Handle(DispatchEmails request, CancellationToken cancellationToken)
    {
        if (!sender.IsConfigured)
        {
            return new EmailDispatchResult(0, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lease = Guid.NewGuid();
        var leaseUntil = now + LeaseDuration;
        var candidates = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.SentAtUtc == null && e.GaveUpAtUtc == null && e.NextAttemptAtUtc <= now && (e.LeaseExpiresAtUtc == null || e.LeaseExpiresAtUtc < now))
            .OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id)
            .Select(e => e.Id)
            .Take(Math.Clamp(request.BatchSize, 1, 200))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new EmailDispatchResult(0, 0, 0);
        }

        // The claim repeats the conditions: a message another server claimed since the read above is left to it.
        await db.OutgoingEmails
            .Where(e => candidates.Contains(e.Id) && e.SentAtUtc == null && e.GaveUpAtUtc == null && e.NextAttemptAtUtc <= now && (e.LeaseExpiresAtUtc == null || e.LeaseExpiresAtUtc < now))
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.LeaseId, lease).SetProperty(e => e.LeaseExpiresAtUtc, leaseUntil).SetProperty(e => e.Attempts, e => e.Attempts + 1),
                cancellationToken);
        var claimed = await db.OutgoingEmails.AsNoTracking().Where(e => e.LeaseId == lease).OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);

        int sent = 0, failed = 0, gaveUp = 0;
        foreach (var message in claimed)
        {
            if (clock.GetUtcNow().UtcDateTime >= leaseUntil - SendMargin)
            {
                // Out of lease: what is left goes back for the next run rather than risk a second server sending it too.
                await ReleaseAsync(message.Id, lease);
                continue;
            }

            try
            {
                await sender.SendAsync(new EmailToSend(message.Id, message.To, message.Subject, message.Body), cancellationToken);
            }
            catch (EmailSendException ex)
            {
                var giveUp = message.Attempts >= OutgoingEmail.MaxAttempts;
                var retryAt = clock.GetUtcNow().UtcDateTime + OutgoingEmail.BackOff(message.Attempts);
                var error = ex.Message.Length > OutgoingEmail.ErrorMaxLength ? ex.Message[..OutgoingEmail.ErrorMaxLength] : ex.Message;
                DateTime? gaveUpAt = giveUp ? clock.GetUtcNow().UtcDateTime : null;
                await db.OutgoingEmails.Where(e => e.Id == message.Id && e.LeaseId == lease).ExecuteUpdateAsync(
                    set => set.SetProperty(e => e.LastError, error).SetProperty(e => e.NextAttemptAtUtc, retryAt).SetProperty(e => e.GaveUpAtUtc, gaveUpAt)
                        .SetProperty(e => e.LeaseId, (Guid?)null).SetProperty(e => e.LeaseExpiresAtUtc, (DateTime?)null),
                    CancellationToken.None);
                LogFailed(logger, message.Id, message.Attempts, giveUp);
                if (giveUp)
                {
                    gaveUp++;
                }
                else
                {
                    failed++;
                }

                continue;
            }

            // Marked at once, and not cancelled by a shutdown: the server has the message, so the row must say so.
            var sentAt = clock.GetUtcNow().UtcDateTime;
            await db.OutgoingEmails.Where(e => e.Id == message.Id).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.SentAtUtc, sentAt).SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.LeaseId, (Guid?)null).SetProperty(e => e.LeaseExpiresAtUtc, (DateTime?)null),
                CancellationToken.None);
            sent++;
        }

        return new EmailDispatchResult(sent, failed, gaveUp);
    }

    private Task<int> ReleaseAsync(Guid id, Guid lease) =>
        db.OutgoingEmails.Where(e => e.Id == id && e.LeaseId == lease).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.LeaseId, (Guid?)null).SetProperty(e => e.LeaseExpiresAtUtc, (DateTime?)null).SetProperty(e => e.Attempts, e => e.Attempts - 1),
            CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {EmailId} was not accepted (attempt {Attempt}; given up: {GaveUp})")]
    private static partial void LogFailed(ILogger logger, Guid emailId, int attempt, bool gaveUp);
}
