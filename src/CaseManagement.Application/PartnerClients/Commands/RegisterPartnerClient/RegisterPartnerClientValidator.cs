namespace CaseManagement.Application.PartnerClients.Commands.RegisterPartnerClient;

public sealed class RegisterPartnerClientValidator : AbstractValidator<RegisterPartnerClient>
{
    public RegisterPartnerClientValidator()
    {
        RuleFor(r => r.PartnerUserId).NotEmpty().WithMessage("Select the partner system's account.");
        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage("Enter a name for the client.")
            .MaximumLength(100).WithMessage("The client's name must be 100 characters or fewer.");
        RuleFor(r => r.Scopes)
            .NotEmpty().WithMessage("Select at least one thing the client may do.")
            .Must(scopes => scopes.All(Common.Security.Scopes.All.Contains)).WithMessage("Select only the things listed.");
        RuleFor(r => r.PublicKeyPem).MaximumLength(10_000).WithMessage("The public key must be 10,000 characters or fewer.");
    }
}
