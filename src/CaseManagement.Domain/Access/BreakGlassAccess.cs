namespace CaseManagement.Domain.Access;

/// <summary>
/// Emergency access to a referral outside the user's own teams, with a reason that must be given. It lasts a short
/// time, is written to the audit trail and is shown to the team manager of the team that owns the record.
/// </summary>
public sealed class BreakGlassAccess : Entity
{
    public const int MinimumReasonLength = 10;

    private BreakGlassAccess()
        : base(Guid.Empty)
    {
        Reason = string.Empty;
    }

    private BreakGlassAccess(Guid id, Guid userId, Guid referralId, Guid teamId, string reason, DateTime grantedAtUtc, DateTime expiresAtUtc)
        : base(id)
    {
        UserId = userId;
        ReferralId = referralId;
        TeamId = teamId;
        Reason = reason;
        GrantedAtUtc = grantedAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid UserId { get; private set; }

    public Guid ReferralId { get; private set; }

    /// <summary>The team that owns the record, whose manager is shown the access.</summary>
    public Guid TeamId { get; private set; }

    public string Reason { get; private set; }

    public DateTime GrantedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public static BreakGlassAccess Grant(Guid userId, Guid referralId, Guid teamId, string reason, DateTime nowUtc, TimeSpan duration)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
        {
            throw new DomainRuleException($"Give a reason of at least {MinimumReasonLength} characters for emergency access.");
        }

        return new BreakGlassAccess(Guid.NewGuid(), userId, referralId, teamId, reason.Trim(), nowUtc, nowUtc.Add(duration));
    }
}
