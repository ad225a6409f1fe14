namespace CaseManagement.Web.Hosting;

/// <summary>The <c>Security</c> section: two-factor rules, session lifetime and rate limits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Roles whose members must sign in with an authenticator app (NCSC: privileged accounts).</summary>
    public IReadOnlyList<string> RequireTwoFactorForRoles { get; set; } = ["TeamManager", "Administrator"];

    /// <summary>A page session ends after this many minutes without a request; a warning shows two minutes before.</summary>
    public double IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>How often a session or an API access token is checked against the account, so "sign out everywhere" and a disabled account take effect.</summary>
    public int SessionCheckIntervalSeconds { get; set; } = 60;

    /// <summary>How long an API access token lasts; a refresh token renews it.</summary>
    public int AccessTokenMinutes { get; set; } = 30;

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// Lets Production answer over plain HTTP (cookies then travel unencrypted): for a local demo such as
    /// docker-compose.yml only. Anywhere else a proxy ends TLS in front of the app (docs/decisions/0025).
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>
    /// The public self-referral form is refused (silently: the sender sees the usual thank-you page) when it is sent
    /// sooner than this after it was shown, which people cannot do and scripts do.
    /// </summary>
    public double SelfReferralMinimumSeconds { get; set; } = 3;
}

/// <summary>Requests allowed per minute from one address (or one account) before 429.</summary>
public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 10;

    public int TokenPerMinute { get; set; } = 10;

    public int ReferralsPerMinute { get; set; } = 30;

    /// <summary>Public self-referrals sent from one address in a minute.</summary>
    public int SelfReferralsPerMinute { get; set; } = 5;
}
