using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Notifications;

/// <summary>
/// An e-mail waiting in the outbox, written in the same transaction as the notification it carries, and sent by the
/// dispatch job. A sender claims it with a lease (so two servers never send it at once), sends it, and marks it sent
/// straight away; a failure is retried later, up to <see cref="MaxAttempts"/> times. Its id is also the stable part of
/// the e-mail's Message-Id, so a resend after a crash is recognisably the same message.
/// </summary>
public sealed class OutgoingEmail : OutboxMessage
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
        : base(nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        NotificationId = notificationId;
        To = to.Trim();
        Subject = subject;
        Body = body;
    }

    public Guid? NotificationId { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Set when the last attempt failed; the message is given up after <see cref="MaxAttempts"/>.</summary>
    public DateTime? GaveUpAtUtc { get; private set; }

    /// <summary>The wait before the attempt after <paramref name="attempts"/> failed ones: 2, 4, 8 ... minutes, at most 1,024.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Min(attempts, 10)));
}
