namespace CaseManagement.Application.Work.Notes.Commands.WriteCaseNote;

public sealed class WriteCaseNoteValidator : AbstractValidator<WriteCaseNote>
{
    public WriteCaseNoteValidator()
    {
        RuleFor(n => n.NoteId).NotEmpty().WithMessage("The form has no key. Reload the page and try again.");
        Include(new NoteFieldsValidator());
    }
}
