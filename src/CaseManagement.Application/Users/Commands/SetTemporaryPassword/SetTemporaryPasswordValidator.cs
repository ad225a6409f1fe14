namespace CaseManagement.Application.Users.Commands.SetTemporaryPassword;

public sealed class SetTemporaryPasswordValidator : AbstractValidator<SetTemporaryPassword>
{
    public SetTemporaryPasswordValidator()
    {
        RuleFor(r => r.TemporaryPassword)
            .NotEmpty().WithMessage("Enter a temporary password.")
            .MinimumLength(AccountRules.MinimumPasswordLength).WithMessage($"The temporary password must be {AccountRules.MinimumPasswordLength} characters or more.");
    }
}
