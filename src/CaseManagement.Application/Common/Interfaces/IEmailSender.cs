namespace CaseManagement.Application.Common.Interfaces;

/// <summary>One e-mail as the outbox hands it to the sender; <paramref name="Id"/> makes its Message-Id.</summary>
public sealed record EmailToSend(Guid Id, string To, string Subject, string Body);

/// <summary>Sends e-mail (by SMTP, in Infrastructure). When no server is configured, e-mail is off and only in-app notifications are made.</summary>
public interface IEmailSender
{
    bool IsConfigured { get; }

    /// <summary>Returns once the server has accepted the message; throws when it did not.</summary>
    Task SendAsync(EmailToSend email, CancellationToken cancellationToken);
}

/// <summary>The server did not accept a message (or could not be reached); the outbox tries again later.</summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException()
    {
    }

    public EmailSendException(string message)
        : base(message)
    {
    }

    public EmailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
