namespace CaseManagement.Application.Records.SubjectAccess.Commands.ReleaseSubjectAccess;

public sealed class ReleaseSubjectAccessValidator : AbstractValidator<ReleaseSubjectAccess>
{
    public ReleaseSubjectAccessValidator() => RuleFor(r => r.RequestId).NotEmpty().WithMessage("Choose a request from the list.");
}
