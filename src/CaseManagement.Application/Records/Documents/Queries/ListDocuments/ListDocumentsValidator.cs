namespace CaseManagement.Application.Records.Documents.Queries.ListDocuments;

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public ListDocumentsValidator()
    {
        RuleFor(d => d.OwnerKind).NotNull().WithMessage("Say which record the document is kept with.");
        RuleFor(d => d.OwnerId).NotEmpty().WithMessage("Say which record the document is kept with.");
    }
}
