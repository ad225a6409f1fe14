namespace CaseManagement.Application.Records.SubjectAccess.Commands.ReceiveSubjectAccessRequest;

public sealed class ReceiveSubjectAccessRequestValidator : AbstractValidator<ReceiveSubjectAccessRequest>
{
    public ReceiveSubjectAccessRequestValidator() => RuleFor(r => r.ChildId).NotEmpty().WithMessage("Choose the child the request is about.");
}
