using CaseManagement.Domain.Jobs;

namespace CaseManagement.Application.Jobs.Commands.RunJobNow;

internal sealed class RunJobNowValidator : AbstractValidator<RunJobNow>
{
    public RunJobNowValidator() => RuleFor(r => r.Name).NotEmpty().WithMessage("Choose a job to run");
}
