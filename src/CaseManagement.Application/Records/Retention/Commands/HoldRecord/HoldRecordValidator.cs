namespace CaseManagement.Application.Records.Retention.Commands.HoldRecord;

public sealed class HoldRecordValidator : AbstractValidator<HoldRecord>
{
    public HoldRecordValidator()
    {
        RuleFor(r => r.ReviewId).NotEmpty().WithMessage("Choose a record from the list.");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason for keeping the record.")
            .MaximumLength(Domain.Records.RetentionReview.ReasonMaxLength).WithMessage("The reason must be 1000 characters or fewer.");
    }
}
