namespace CaseManagement.Application.Records.SubjectAccess.Commands.MarkRedactions;

public sealed class MarkRedactionsValidator : AbstractValidator<MarkRedactions>
{
    public MarkRedactionsValidator()
    {
        RuleFor(r => r.RequestId).NotEmpty().WithMessage("Choose a request from the list.");
        RuleFor(r => r.Words).MaximumLength(Domain.Records.SubjectAccessRequest.TextMaxLength).WithMessage("Mark at most 4000 characters to redact.");
    }
}
