namespace CaseManagement.Application.Users.Commands.ChangeOwnPassword;

public sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPassword>
{
    public ChangeOwnPasswordValidator()
    {
        RuleFor(r => r.CurrentPassword)
            .NotEmpty().WithMessage("Enter your current password.");
        RuleFor(r => r.NewPassword)
            .NotEmpty().WithMessage("Enter a new password.")
            .MinimumLength(AccountRules.MinimumPasswordLength).WithMessage($"Your new password must be {AccountRules.MinimumPasswordLength} characters or more.");
        RuleFor(r => r.NewPassword)
            .Must((r, newPassword) => !string.Equals(newPassword, r.CurrentPassword, StringComparison.Ordinal))
            .When(r => !string.IsNullOrEmpty(r.NewPassword))
            .WithMessage("Your new password must be different from your current password.");
    }
}
