using Microsoft.Extensions.Configuration;

namespace CaseManagement.Application.Partners;

/// <summary>
/// Where webhooks may go (the Webhooks section; docs/decisions/0064). Both are off in production: an address must be
/// HTTPS and reach the internet, so a partner cannot make the server call into its own network (SSRF).
/// </summary>
public sealed record WebhookSettings
{
    public const string SectionName = "Webhooks";

    /// <summary>Plain http addresses are taken: on in appsettings.Development.json only.</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Loopback and private addresses are taken and called: for the tests' own receiver only.</summary>
    public bool AllowPrivateAddresses { get; init; }

    public static WebhookSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new WebhookSettings
        {
            AllowHttp = bool.TryParse(section[nameof(AllowHttp)], out var http) && http,
            AllowPrivateAddresses = bool.TryParse(section[nameof(AllowPrivateAddresses)], out var local) && local,
        };
    }
}
