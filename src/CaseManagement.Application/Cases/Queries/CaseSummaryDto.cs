using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries;

/// <param name="LastContactOn">The day of the latest contact the child attended (decision 0039).</param>
/// <param name="DaysSinceContact">Days since that contact, or since the allocation while there has been none; null unless the case is open.</param>
/// <param name="NoRecentContact">Longer without a contact than the team's setting allows.</param>
public sealed record CaseSummaryDto(
    Guid Id,
    Guid ChildId,
    string ChildName,
    DateOnly DateOfBirth,
    CaseStatus Status,
    DateTime OpenedAtUtc,
    DateTime FirstReferredAtUtc,
    int DaysWaiting,
    AllocationPriority Priority,
    ReferralUrgency Urgency,
    ReferralSource? Source,
    string? CaseManager,
    int Weight,
    DateOnly? NextReviewDue,
    bool ReviewOverdue,
    InterventionType InterventionType,
    DateOnly? ClosedOn,
    DateOnly? LastContactOn,
    int? DaysSinceContact,
    bool NoRecentContact);
