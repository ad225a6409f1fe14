using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Application.Partners;

/// <summary>
/// The signature on a webhook, in the shape of Standard Webhooks (standardwebhooks.com; docs/decisions/0064):
/// headers <c>webhook-id</c> (the event id, the same on every retry), <c>webhook-timestamp</c> (Unix seconds of this
/// attempt) and <c>webhook-signature</c> (<c>v1,</c> then the base64 HMAC-SHA256 of <c>id.timestamp.body</c> with the
/// secret's key). The secret is <c>whsec_</c> then the base64 of 32 random bytes, the key. docs/api.md shows the
/// receiver's check, which is <see cref="Verify"/>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a timestamp may be from the receiver's clock: older messages are replays.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string eventId, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret[SecretPrefix.Length..]));
        var signed = hmac.ComputeHash(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{eventId}.{timestamp}.{body}")));
        return "v1," + Convert.ToBase64String(signed);
    }

    /// <summary>
    /// True when <paramref name="signatureHeader"/> holds a v1 signature of this id, timestamp and body made with
    /// <paramref name="secret"/>, and the timestamp is within <see cref="Tolerance"/> of <paramref name="nowUtc"/>.
    /// </summary>
    public static bool Verify(string secret, string? eventId, string? timestamp, string body, string? signatureHeader, DateTimeOffset nowUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(eventId) || signatureHeader is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(nowUtc.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, eventId, seconds, body));

        // Several signatures, space-separated, while a secret is being changed; any one will do.
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
