using System.Linq.Expressions;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries;

public sealed record ReferralDto
{
    /// <summary>
    /// Reads a referral in the database. <see cref="TeamName"/> and <see cref="SensitiveNotesWithheld"/> are left for
    /// the handler: they depend on another table and on the reader. Receiving and linking at intake happen in the same
    /// instant, so the first transition (from no status) comes first.
    /// </summary>
    public static Expression<Func<Referral, ReferralDto>> Projection { get; } = r => new ReferralDto
    {
        Id = r.Id,
        Reference = r.Reference,
        TeamId = r.TeamId,
        ChildId = r.ChildId,
        CaseId = r.CaseId,
        Source = r.Source,
        ReferrerName = r.ReferrerName,
        ReferrerPhone = r.ReferrerPhone,
        ReferrerEmail = r.ReferrerEmail,
        PoliceOccurrenceReference = r.PoliceOccurrenceReference,
        Concerns = r.Concerns,
        Reason = r.Reason,
        Consent = r.Consent,
        LawfulBasis = r.LawfulBasis,
        Urgency = r.Urgency,
        Status = r.Status,
        ChildGivenName = r.ChildGivenName,
        ChildFamilyName = r.ChildFamilyName,
        ChildPreferredName = r.ChildPreferredName,
        ChildDateOfBirth = r.ChildDateOfBirth,
        ChildSex = r.ChildSex,
        ChildPostcode = r.ChildPostcode,
        ChildPreferredLanguage = r.ChildPreferredLanguage,
        ChildAddress = r.ChildAddress,
        ChildSchool = r.ChildSchool,
        ChildNhsNumber = r.ChildNhsNumber,
        ChildUniquePupilNumber = r.ChildUniquePupilNumber,
        ChildPncId = r.ChildPncId,
        ParentsOrCarers = r.ParentsOrCarers,
        ChildHouseNumberOrName = r.ChildHouseNumberOrName,
        ChildStreet = r.ChildStreet,
        ChildTown = r.ChildTown,
        ParentOrCarerNamesText = r.ParentOrCarerNames,
        ChildEmail = r.ChildEmail,
        ChildEmailOwner = r.ChildEmailOwner,
        ChildPhone = r.ChildPhone,
        ChildPhoneOwner = r.ChildPhoneOwner,
        ChildOtherIdentifier = r.ChildOtherIdentifier,
        ChildOtherIdentifierIssuer = r.ChildOtherIdentifierIssuer,
        ReceivedAtUtc = r.ReceivedAtUtc,
        OutcomeReason = r.OutcomeReason,
        DecidedAtUtc = r.DecidedAtUtc,
        SensitiveNotes = r.SensitiveNotes,
        History = r.Transitions.OrderBy(t => t.OccurredAtUtc).ThenBy(t => t.FromStatus == null ? 0 : 1)
            .Select(t => new ReferralTransitionDto { FromStatus = t.FromStatus, ToStatus = t.ToStatus, OccurredAtUtc = t.OccurredAtUtc, Note = t.Note })
            .ToList(),
    };

    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public Guid TeamId { get; init; }

    public string TeamName { get; init; } = string.Empty;

    public Guid? ChildId { get; init; }

    /// <summary>The case the referral opened or joined when it was accepted.</summary>
    public Guid? CaseId { get; init; }

    public ReferralSource Source { get; init; }

    public string ReferrerName { get; init; } = string.Empty;

    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? PoliceOccurrenceReference { get; init; }

    public string Concerns { get; init; } = string.Empty;

    public string? Reason { get; init; }

    public ConsentStatus Consent { get; init; }

    public LawfulBasis LawfulBasis { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public ReferralStatus Status { get; init; }

    public string ChildGivenName { get; init; } = string.Empty;

    public string ChildFamilyName { get; init; } = string.Empty;

    public string? ChildPreferredName { get; init; }

    public DateOnly ChildDateOfBirth { get; init; }

    public Sex ChildSex { get; init; }

    public string? ChildPostcode { get; init; }

    public PreferredLanguage ChildPreferredLanguage { get; init; }

    public string? ChildAddress { get; init; }

    public string? ChildSchool { get; init; }

    public string? ChildNhsNumber { get; init; }

    public string? ChildUniquePupilNumber { get; init; }

    public string? ChildPncId { get; init; }

    public string? ParentsOrCarers { get; init; }

    /// <summary>The house number or name of the child's home address.</summary>
    public string? ChildHouseNumberOrName { get; init; }

    /// <summary>The street of the child's home address.</summary>
    public string? ChildStreet { get; init; }

    /// <summary>The town or village of the child's home address.</summary>
    public string? ChildTown { get; init; }

    /// <summary>The names of the child's parents or carers, one a person.</summary>
    public IReadOnlyList<string> ParentOrCarerNames => PersonDetails.SplitNames(ParentOrCarerNamesText);

    /// <summary>The names as stored, one a line; read through <see cref="ParentOrCarerNames"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ParentOrCarerNamesText { get; init; }

    /// <summary>An e-mail address of the child or of a parent or carer.</summary>
    public string? ChildEmail { get; init; }

    /// <summary>Whose <see cref="ChildEmail"/> is: Child or ParentOrCarer; null when the sender did not say (read as a parent's or carer's).</summary>
    public ContactOwner? ChildEmailOwner { get; init; }

    /// <summary>A telephone number of the child or of a parent or carer.</summary>
    public string? ChildPhone { get; init; }

    /// <summary>Whose <see cref="ChildPhone"/> is: Child or ParentOrCarer; null when not said.</summary>
    public ContactOwner? ChildPhoneOwner { get; init; }

    /// <summary>Another identifier of the child, issued by <see cref="ChildOtherIdentifierIssuer"/>.</summary>
    public string? ChildOtherIdentifier { get; init; }

    /// <summary>Who issued the other identifier.</summary>
    public IdentifierIssuer? ChildOtherIdentifierIssuer { get; init; }

    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>Why the referral was signposted or declined.</summary>
    public string? OutcomeReason { get; init; }

    public DateTime? DecidedAtUtc { get; init; }

    /// <summary>Information shared in confidence; null when there is none or the reader may not see it.</summary>
    public string? SensitiveNotes { get; init; }

    /// <summary>True when there is confidential information that this reader's role does not allow them to see.</summary>
    public bool SensitiveNotesWithheld { get; init; }

    /// <summary>True when the reader works the owning team's cases: they take its duplicate and screening decisions.</summary>
    public bool CanDecide { get; init; }

    /// <summary>True when the reader manages the owning team: they may see who has looked at the record.</summary>
    public bool CanSeeViewers { get; init; }

    /// <summary>Every change of status, oldest first; for the owning team only.</summary>
    public IReadOnlyList<ReferralTransitionDto> History { get; init; } = [];

    /// <summary>
    /// The referral as someone outside the owning team may see it (a referrer, a partner system): whether the child was
    /// already known to the team, and which record they were linked to, is withheld.
    /// </summary>
    public static ReferralDto ForReader(ReferralDto dto, Common.Interfaces.ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(user);
        var inTeam = Common.Security.AccessRules.WorksTeamCases(user) && user.TeamIds.Contains(dto.TeamId);
        return inTeam ? dto with { CanDecide = true, CanSeeViewers = user.IsInRole(Common.Security.Roles.TeamManager) } : dto with
        {
            CanDecide = false,
            CanSeeViewers = false,
            ChildId = null,
            CaseId = null,
            History = [],
            Status = dto.Status == ReferralStatus.AwaitingDuplicateDecision ? ReferralStatus.Received : dto.Status,
        };
    }
}

/// <summary>A referral as a row of a list: enough to recognise it, no concerns text.</summary>
public sealed record ReferralSummaryDto
{
    /// <summary>Reads a referral as a row of a list, in the database.</summary>
    public static Expression<Func<Referral, ReferralSummaryDto>> Projection { get; } = r => new ReferralSummaryDto
    {
        Id = r.Id,
        Reference = r.Reference,
        ChildName = r.ChildGivenName + " " + r.ChildFamilyName,
        Source = r.Source,
        Urgency = r.Urgency,
        Status = r.Status,
        ReceivedAtUtc = r.ReceivedAtUtc,
    };

    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public string ChildName { get; init; } = string.Empty;

    public ReferralSource Source { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public ReferralStatus Status { get; init; }

    public DateTime ReceivedAtUtc { get; init; }
}

/// <summary>One change of a referral's status.</summary>
public sealed record ReferralTransitionDto
{
    public ReferralStatus? FromStatus { get; init; }

    public ReferralStatus ToStatus { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public string? Note { get; init; }
}
