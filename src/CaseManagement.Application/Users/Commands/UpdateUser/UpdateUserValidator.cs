namespace CaseManagement.Application.Users.Commands.UpdateUser;

public sealed class UpdateUserValidator : AccountDetailsValidator<UpdateUser>
{
    public const string OwnAdministratorAccess = "You cannot remove your own administrator access.";

    public UpdateUserValidator(IApplicationDbContext db, ICurrentUser currentUser)
        : base(db)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        RuleFor(r => r.Roles)
            .Must(roles => (roles ?? []).Contains(Roles.Administrator))
            .When(r => r.Id == currentUser.UserId)
            .WithMessage(OwnAdministratorAccess);
        RuleFor(r => r.Disabled)
            .Equal(false)
            .When(r => r.Id == currentUser.UserId)
            .WithMessage(OwnAdministratorAccess);
    }
}
