using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries;

/// <param name="Id">The case.</param>
/// <param name="ChildId">The child the case is about.</param>
/// <param name="ChildName">The child's name as the team knows it.</param>
/// <param name="DateOfBirth">The child's date of birth.</param>
/// <param name="Status">Where the case is.</param>
/// <param name="OpenedAtUtc">When the case was opened.</param>
/// <param name="FirstReferredAtUtc">When the child was first referred for this case.</param>
/// <param name="DaysWaiting">Days since the first referral, while the case waits to be allocated.</param>
/// <param name="Priority">How soon the case should be allocated.</param>
/// <param name="Urgency">The urgency the referrer gave.</param>
/// <param name="Source">Who referred the child, when a referral opened the case.</param>
/// <param name="CaseManager">The case manager's name; null until allocated.</param>
/// <param name="Weight">The case's weight in the case manager's caseload.</param>
/// <param name="NextReviewDue">When the plan is next to be reviewed.</param>
/// <param name="ReviewOverdue">The review is past due.</param>
/// <param name="InterventionType">The kind of intervention the case is.</param>
/// <param name="ClosedOn">The day the case closed; null while open.</param>
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
