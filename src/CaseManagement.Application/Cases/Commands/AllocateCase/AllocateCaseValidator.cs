using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.AllocateCase;

public sealed class AllocateCaseValidator : AbstractValidator<AllocateCase>
{
    public AllocateCaseValidator(TimeProvider clock)
    {
        RuleFor(c => c.CaseManagerUserId).NotEmpty().WithMessage("Choose the case manager.");

        // Checked here as well as by the case, so the message shows beside the date with the others, not a round later.
        RuleFor(c => c.FirstReviewDue).GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(c => c.FirstReviewDue is not null)
            .WithMessage("The first review date must be today or in the future.");
    }
}
