using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Timeline.Commands.WithdrawTimelineEntry;

public sealed class WithdrawTimelineEntryValidator : AbstractValidator<WithdrawTimelineEntry>
{
    public WithdrawTimelineEntryValidator() =>
        RuleFor(e => e.Reason).NotEmpty().WithMessage("Give the reason the entry is withdrawn.")
            .MaximumLength(1000).WithMessage("The reason must be 1000 characters or fewer.");
}
