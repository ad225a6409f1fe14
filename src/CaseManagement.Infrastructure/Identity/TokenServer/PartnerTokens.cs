namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>The names the token server and the API agree on for a partner system's client-credentials token.</summary>
public static class PartnerTokens
{
    /// <summary>The API, as the audience every access token is issued for and checked against.</summary>
    public const string Audience = "casemanagement-api";

    /// <summary>The client a token was issued to (on the API's principal), which also marks the caller as a client.</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>One scope the token grants (on the API's principal).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The property of an OpenIddict application that names its partner account.</summary>
    public const string PartnerUserProperty = "partner_user_id";

    public const string TokenPath = "/connect/token";
    public const string RevocationPath = "/connect/revoke";
    public const string IntrospectionPath = "/connect/introspect";
}
