using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.UndoLink;

public sealed class UndoLinkValidator : AbstractValidator<UndoLink>
{
    public UndoLinkValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason the link was wrong.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
}
