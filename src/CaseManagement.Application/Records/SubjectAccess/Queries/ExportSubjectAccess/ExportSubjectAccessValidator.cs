namespace CaseManagement.Application.Records.SubjectAccess.Queries.ExportSubjectAccess;

public sealed class ExportSubjectAccessValidator : AbstractValidator<ExportSubjectAccess>
{
    public ExportSubjectAccessValidator() => RuleFor(r => r.RequestId).NotEmpty().WithMessage("Choose a request from the list.");
}
