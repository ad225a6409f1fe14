using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Assessments.Queries;

public sealed record AwaitingCountersignatureDto(Guid AssessmentId, Guid CaseId, string ChildName, int Number, DateTime SubmittedAtUtc, string? SubmittedBy, bool VeryHigh);
