using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Jobs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Jobs.Commands.RunJobNow;

internal sealed class RunJobNowValidator : AbstractValidator<RunJobNow>
{
    public RunJobNowValidator() => RuleFor(r => r.Name).NotEmpty().WithMessage("Choose a job to run");
}
