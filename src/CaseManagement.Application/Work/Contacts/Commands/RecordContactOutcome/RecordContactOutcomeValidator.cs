using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Commands.RecordContactOutcome;

public sealed class RecordContactOutcomeValidator : AbstractValidator<RecordContactOutcome>
{
    public RecordContactOutcomeValidator()
    {
        Include(new OutcomeFieldsValidator());
        RuleFor(c => c.Summary).MaximumLength(Contact.SummaryMaxLength).WithMessage("The summary must be 2000 characters or fewer.");
    }
}
