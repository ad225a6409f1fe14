using System.Security.Cryptography;

namespace CaseManagement.Testing;

/// <summary>
/// The code an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), so tests can sign in with
/// two factors exactly as a person with a phone would.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        var key = Base32Decode(base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = Step(at ?? DateTimeOffset.UtcNow);
        Span<byte> counter = stackalloc byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must compute what they compute.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The number of the 30-second step that <paramref name="at"/> falls in.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    /// <summary>When step <paramref name="step"/> begins.</summary>
    public static DateTimeOffset StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * 30);

    private static byte[] Base32Decode(string input)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in input.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
