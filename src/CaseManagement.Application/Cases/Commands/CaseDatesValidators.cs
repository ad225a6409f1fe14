using FluentValidation;

namespace CaseManagement.Application.Cases.Commands;

/// <summary>
/// The case's dates against today, checked with the other rules of each request rather than only by the case after
/// them (the case keeps its own guard), so the message shows beside the date, in the same round as the others.
/// </summary>
public sealed class AllocateCaseDatesValidator : AbstractValidator<AllocateCase>
{
    public AllocateCaseDatesValidator(TimeProvider clock) =>
        RuleFor(c => c.FirstReviewDue).GreaterThanOrEqualTo(_ => Today(clock)).When(c => c.FirstReviewDue is not null)
            .WithMessage("The first review date must be today or in the future.");

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed class RecordEngagementDatesValidator : AbstractValidator<RecordEngagement>
{
    public RecordEngagementDatesValidator(TimeProvider clock) =>
        RuleFor(c => c.On).LessThanOrEqualTo(_ => AllocateCaseDatesValidator.Today(clock)).When(c => c.On != default)
            .WithMessage("The date must be today or in the past.");
}

public sealed class SetNextReviewDatesValidator : AbstractValidator<SetNextReview>
{
    public SetNextReviewDatesValidator(TimeProvider clock) =>
        RuleFor(c => c.Due).GreaterThanOrEqualTo(_ => AllocateCaseDatesValidator.Today(clock)).When(c => c.Due != default)
            .WithMessage("The review date must be today or in the future.");
}

public sealed class CloseCaseDatesValidator : AbstractValidator<CloseCase>
{
    public CloseCaseDatesValidator(TimeProvider clock) =>
        RuleFor(c => c.ClosedOn).LessThanOrEqualTo(_ => AllocateCaseDatesValidator.Today(clock)).When(c => c.ClosedOn != default)
            .WithMessage("The closing date must be today or in the past.");
}

public sealed class HoldReviewDatesValidator : AbstractValidator<HoldReview>
{
    public HoldReviewDatesValidator(TimeProvider clock) =>
        RuleFor(r => r.HeldOn).LessThanOrEqualTo(_ => AllocateCaseDatesValidator.Today(clock)).When(r => r.HeldOn != default)
            .WithMessage("The review date must be today or in the past.");
}
