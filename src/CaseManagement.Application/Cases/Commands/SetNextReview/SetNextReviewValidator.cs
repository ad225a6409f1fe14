using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.SetNextReview;

public sealed class SetNextReviewValidator : AbstractValidator<SetNextReview>
{
    public SetNextReviewValidator(TimeProvider clock) =>
        RuleFor(c => c.Due).NotEmpty().WithMessage("Enter the date of the next review.")
            .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The review date must be today or in the future.");
}
