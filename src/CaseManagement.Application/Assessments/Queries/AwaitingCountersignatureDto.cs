using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments.Queries;

public sealed record AwaitingCountersignatureDto(Guid AssessmentId, Guid CaseId, string ChildName, int Number, DateTime SubmittedAtUtc, string? SubmittedBy, bool VeryHigh);
