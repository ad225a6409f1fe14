using CaseManagement.Application.Common.Interfaces;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseManagement.Infrastructure.Email;

/// <summary>How e-mail leaves the system (Email:Smtp). No host means e-mail is off: reminders are in the app only.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>noreply@yot.example.gov.wales</c>; its domain also names the Message-Ids.</summary>
    public string? From { get; set; }

    /// <summary><c>StartTls</c> (the default: refuse a server that cannot encrypt), <c>SslOnConnect</c> (port 465), or <c>None</c> (a relay on the same host only).</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>From the environment (Email__Smtp__UserName) or user secrets, never a committed file.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends each outbox message over SMTP with MailKit. The Message-Id comes from the outbox row's id, so a message sent
/// again after a crash carries the same Message-Id as the first copy.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(EmailToSend email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        if (!IsConfigured || string.IsNullOrWhiteSpace(settings.From))
        {
            throw new EmailSendException("E-mail is not configured: set Email:Smtp:Host and Email:Smtp:From.");
        }

        using var message = new MimeMessage();
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            // Inside the try: an address MimeKit cannot read is this message's failure (retried, then given up), not the run's.
            var from = MailboxAddress.Parse(settings.From);
            message.From.Add(from);
            message.To.Add(MailboxAddress.Parse(email.To));
            message.Subject = email.Subject;
            message.MessageId = $"{email.Id:N}@{from.Domain}";
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Body = new TextPart("plain") { Text = email.Body };

            await client.ConnectAsync(settings.Host!, settings.Port, SecureSocket(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            // Not cancelled part way: a DATA cut off by a shutdown leaves nobody knowing whether the server kept it.
            await client.SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new EmailSendException($"The SMTP server did not accept the message: {ex.GetType().Name}: {ex.Message}", ex);
        }

        await QuitAsync(client);
    }

    /// <summary>The server has the message: a failure to say goodbye must not make it look unsent (and be sent twice).</summary>
    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (IOException)
        {
        }
        catch (MailKit.ProtocolException)
        {
        }
        catch (SmtpCommandException)
        {
        }
    }

    private static SecureSocketOptions SecureSocket(string security) => security.ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        "STARTTLS" => SecureSocketOptions.StartTls,
        _ => throw new InvalidOperationException($"Email:Smtp:Security '{security}' is not known; use StartTls, SslOnConnect or None."),
    };
}
