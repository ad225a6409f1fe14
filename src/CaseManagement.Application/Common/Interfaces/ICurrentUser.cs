namespace CaseManagement.Application.Common.Interfaces;

/// <summary>The person (or partner system) on whose behalf a request runs.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    bool IsAuthenticated { get; }

    /// <summary>The name recorded in the audit trail.</summary>
    string DisplayName { get; }

    /// <summary>The network address the request came from, for the audit trail.</summary>
    string? IpAddress { get; }

    /// <summary>The teams the user belongs to; a referral with no team named goes to the only one.</summary>
    IReadOnlyList<Guid> TeamIds { get; }

    bool IsInRole(string role);
}
