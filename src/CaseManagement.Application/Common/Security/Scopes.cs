namespace CaseManagement.Application.Common.Security;

/// <summary>
/// What a partner system's client-credentials token may be used for (docs/decisions/0044). A person's token carries no
/// scope and is limited by its role alone; a client's token is limited by its role and by these.
/// </summary>
public static class Scopes
{
    /// <summary>Submit referrals.</summary>
    public const string ReferralsSubmit = "referrals:submit";

    /// <summary>Read the referrals the partner sent, and their status.</summary>
    public const string ReferralsRead = "referrals:read";

    /// <summary>Register and remove the partner's webhook addresses (docs/decisions/0064).</summary>
    public const string WebhooksManage = "webhooks:manage";

    public static IReadOnlyList<string> All { get; } = [ReferralsSubmit, ReferralsRead, WebhooksManage];
}
