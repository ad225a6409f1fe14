namespace CaseManagement.Application.Work.Notes.Commands.EditCaseNote;

public sealed class EditCaseNoteValidator : AbstractValidator<EditCaseNote>
{
    public EditCaseNoteValidator() => Include(new NoteFieldsValidator());
}
