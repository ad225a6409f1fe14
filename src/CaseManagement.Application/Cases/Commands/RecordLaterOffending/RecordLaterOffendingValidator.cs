using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.RecordLaterOffending;

public sealed class RecordLaterOffendingValidator : AbstractValidator<RecordLaterOffending>
{
    public RecordLaterOffendingValidator()
    {
        RuleFor(r => r.Outcome).NotNull().WithMessage("Choose what is known of offending since the case closed.").IsInEnum().WithMessage("Choose what is known of offending since the case closed.");
        RuleFor(r => r.RecordedOn).NotEmpty().WithMessage("Enter the date.");
    }
}
