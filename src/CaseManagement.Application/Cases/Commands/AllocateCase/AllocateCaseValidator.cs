using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.AllocateCase;

public sealed class AllocateCaseValidator : AbstractValidator<AllocateCase>
{
    public AllocateCaseValidator() =>
        RuleFor(c => c.CaseManagerUserId).NotEmpty().WithMessage("Choose the case manager.");
}
