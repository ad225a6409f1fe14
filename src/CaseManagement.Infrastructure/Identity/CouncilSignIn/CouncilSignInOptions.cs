namespace CaseManagement.Infrastructure.Identity.CouncilSignIn;

/// <summary>
/// The council's identity provider (<c>Authentication:Oidc</c>; docs/decisions/0045): OpenID Connect, authorization code
/// with PKCE. Sign-in through it is offered only when <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class CouncilSignInOptions
{
    public const string SectionName = "Authentication:Oidc";

    /// <summary>The authentication scheme, also the login provider's name in Identity's external login table.</summary>
    public const string Scheme = "council";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token that carries the person's e-mail address (Entra ID: <c>email</c>, or <c>upn</c> where mail is not set).</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The provider's name on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>
    /// Off by default: only an account an administrator made (with its roles and teams) may sign in. On, a person the
    /// provider vouches for and who has no account gets one with no role and no team, which sees nothing until given them.
    /// </summary>
    public bool AllowAccountCreation { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>The app's own e-mail and password form (<c>Authentication:LocalSignIn</c>).</summary>
public sealed class LocalSignInOptions
{
    public const string SectionName = "Authentication:LocalSignIn";

    /// <summary>False turns the form off, where everyone signs in through the council's provider.</summary>
    public bool Enabled { get; set; } = true;
}
