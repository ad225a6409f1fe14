using System.Net;
using System.Net.Sockets;
using CaseManagement.Application.Partners;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Partners;

/// <summary>
/// Posts webhooks (docs/decisions/0064). The address is checked again here, against the IP actually connected to, so a
/// partner's name that resolves (or later re-resolves) to a private or local address is refused: the server never
/// calls into its own network for a partner. No redirects are followed, for the same reason.
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client;
    private readonly WebhookSettings _settings;

    public HttpWebhookSender(IOptions<WebhookSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Value;
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = ConnectAsync, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout };
    }

    public async Task<WebhookAnswer> SendAsync(WebhookToSend webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (WebhookAddress.Refusal(webhook.Url.AbsoluteUri, _settings) is { } refusal)
        {
            return new WebhookAnswer(null, refusal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(webhook.Body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, webhook.EventId.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, webhook.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, webhook.Signature);
        request.Headers.UserAgent.ParseAdd("CaseManagement-Webhooks/1");
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;

            // The receiver's body is never read nor kept: it is the receiver's, and may hold anything.
            return response.IsSuccessStatusCode ? new WebhookAnswer(status, null) : new WebhookAnswer(status, $"The receiver answered {status} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAnswer(null, ex.InnerException is PrivateAddressException refused ? refused.Message : $"No answer: {ex.HttpRequestError}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAnswer(null, $"No answer within {Timeout.TotalSeconds:0} seconds.");
        }
    }

    public void Dispose() => _client.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        if (!_settings.AllowPrivateAddresses && addresses.Any(WebhookAddress.IsPrivate))
        {
            throw new PrivateAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class PrivateAddressException() : IOException("The address resolves to a private or local network address, so nothing was sent.");
}

/// <summary>Subscriptions' secrets protected with the app's Data Protection keys (shared by every server through the key store).</summary>
public sealed class DataProtectionWebhookSecrets(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly Microsoft.AspNetCore.DataProtection.IDataProtector _protector = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(provider, "CaseManagement.Webhooks.Secret.v1");

    public string Protect(string secret) => Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(_protector, secret);

    public string Unprotect(string protectedSecret) => Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(_protector, protectedSecret);
}
