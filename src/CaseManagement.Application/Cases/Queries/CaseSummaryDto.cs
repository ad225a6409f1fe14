using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries;

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
    DateOnly? ClosedOn);
