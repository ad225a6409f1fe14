using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries;

public sealed record ReferralDto
{
    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public Guid TeamId { get; init; }

    public string TeamName { get; init; } = string.Empty;

    public Guid? ChildId { get; init; }

    public ReferralSource Source { get; init; }

    public string ReferrerName { get; init; } = string.Empty;

    public string? PoliceOccurrenceReference { get; init; }

    public string Concerns { get; init; } = string.Empty;

    public ReferralUrgency Urgency { get; init; }

    public ReferralStatus Status { get; init; }

    public string ChildGivenName { get; init; } = string.Empty;

    public string ChildFamilyName { get; init; } = string.Empty;

    public string? ChildPreferredName { get; init; }

    public DateOnly ChildDateOfBirth { get; init; }

    public Sex ChildSex { get; init; }

    public string? ChildPostcode { get; init; }

    public PreferredLanguage ChildPreferredLanguage { get; init; }

    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>Information shared in confidence; null when there is none or the reader may not see it.</summary>
    public string? SensitiveNotes { get; init; }

    /// <summary>True when there is confidential information that this reader's role does not allow them to see.</summary>
    public bool SensitiveNotesWithheld { get; init; }
}

/// <summary>A referral as a row of a list: enough to recognise it, no concerns text.</summary>
public sealed record ReferralSummaryDto
{
    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public string ChildName { get; init; } = string.Empty;

    public ReferralSource Source { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public ReferralStatus Status { get; init; }

    public DateTime ReceivedAtUtc { get; init; }
}
