namespace CaseManagement.Application.Users.Commands.CreateUser;

public sealed class CreateUserValidator : AccountDetailsValidator<CreateUser>
{
    public CreateUserValidator(IApplicationDbContext db)
        : base(db)
    {
        RuleFor(r => r.Email)
            .NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(AccountRules.MaximumEmailLength).WithMessage($"The email address must be {AccountRules.MaximumEmailLength} characters or fewer.")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(r => r.TemporaryPassword)
            .NotEmpty().WithMessage("Enter a temporary password.")
            .MinimumLength(AccountRules.MinimumPasswordLength).WithMessage($"The temporary password must be {AccountRules.MinimumPasswordLength} characters or more.");
    }
}
