using System.Net;
using System.Net.Sockets;

namespace CaseManagement.Application.Partners;

/// <summary>
/// Which webhook addresses are taken (docs/decisions/0064): checked when a partner registers one, and again against
/// the address actually connected to when each delivery is sent, so a name that later resolves inside our network
/// (DNS rebinding) is refused too.
/// </summary>
public static class WebhookAddress
{
    /// <summary>Why <paramref name="url"/> is refused, or null when it is taken.</summary>
    public static string? Refusal(string? url, WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Enter the full address, starting https://.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !settings.AllowHttp)
        {
            return "The address must start https://.";
        }

        if (!settings.AllowPrivateAddresses && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IsPrivate(ip))))
        {
            return "The address must be reachable on the internet, not a private or local one.";
        }

        return null;
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local (cloud metadata), carrier-grade NAT and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
