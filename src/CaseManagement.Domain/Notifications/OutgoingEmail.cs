namespace CaseManagement.Domain.Notifications;

/// <summary>
/// An e-mail waiting in the outbox, written in the same transaction as the notification it carries, and sent by the
/// dispatch job. A sender claims it with a lease (so two servers never send it at once), sends it, and marks it sent
/// straight away; a failure is retried later, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxAttempts = 8;
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int ErrorMaxLength = 1000;

    // For EF Core.
    private OutgoingEmail()
    {
        To = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public OutgoingEmail(Guid? notificationId, string to, string subject, string body, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        Id = Guid.NewGuid();
        NotificationId = notificationId;
        To = to.Trim();
        Subject = subject;
        Body = body;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    /// <summary>Also the stable part of the e-mail's Message-Id, so a resend after a crash is recognisably the same message.</summary>
    public Guid Id { get; private set; }

    public Guid? NotificationId { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The dispatch run holding the message; other runs leave it alone until <see cref="LeaseExpiresAtUtc"/>.</summary>
    public Guid? LeaseId { get; private set; }

    public DateTime? LeaseExpiresAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Set when the last attempt failed; the message is given up after <see cref="MaxAttempts"/>.</summary>
    public DateTime? GaveUpAtUtc { get; private set; }

    public string? LastError { get; private set; }
}
