using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.RecordEngagement;

public sealed class RecordEngagementValidator : AbstractValidator<RecordEngagement>
{
    public RecordEngagementValidator(TimeProvider clock)
    {
        RuleFor(c => c.Status).NotNull().WithMessage("Choose how the child and family are engaging.").IsInEnum().WithMessage("Choose how the child and family are engaging.");
        RuleFor(c => c.On).NotEmpty().WithMessage("Enter the date.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
    }
}
