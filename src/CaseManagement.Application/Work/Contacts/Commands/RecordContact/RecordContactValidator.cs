namespace CaseManagement.Application.Work.Contacts.Commands.RecordContact;

public sealed class RecordContactValidator : AbstractValidator<RecordContact>
{
    public RecordContactValidator()
    {
        RuleFor(c => c.ContactId).NotEmpty().WithMessage("The form has no key. Reload the page and try again.");
        Include(new ContactFieldsValidator());
        Include(new OutcomeFieldsValidator());
    }
}
