using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Documents.Commands.UploadDocument;

public sealed class UploadDocumentValidator : AbstractValidator<UploadDocument>
{
    public const string WrongType = "The file must be a PDF, a Word document, a PNG, JPEG or GIF image, or plain text.";

    public UploadDocumentValidator()
    {
        RuleFor(d => d.OwnerKind).NotNull().WithMessage("Say which record the document is kept with.");
        RuleFor(d => d.OwnerId).NotEmpty().WithMessage("Say which record the document is kept with.");
        RuleFor(d => d.Title).NotEmpty().WithMessage("Enter a title for the document.")
            .MaximumLength(Document.TitleMaxLength).WithMessage("The title must be 200 characters or fewer.");
        RuleFor(d => d.Category).NotNull().WithMessage("Select what kind of document it is.");
        RuleFor(d => d.File).Cascade(CascadeMode.Stop)
            .Must(f => f is { Length: > 0 }).WithMessage("Select a file to upload.")
            .Must(f => f!.Length <= UploadDocument.MaxBytes).WithMessage("The file must be smaller than 20 MB.")
            .Must(f => FileTypes.Identify(f!) is not null).WithMessage(WrongType);
    }
}
