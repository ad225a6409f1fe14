namespace CaseManagement.Application.Work.Contacts.Commands.ChangeContact;

public sealed class ChangeContactValidator : AbstractValidator<ChangeContact>
{
    public ChangeContactValidator() => Include(new ContactFieldsValidator());
}
