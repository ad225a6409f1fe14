using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Commands.CreateAgency;

public sealed class CreateAgencyValidator : AbstractValidator<CreateAgency>
{
    public const int MaximumNameLength = 200;

    public CreateAgencyValidator(IApplicationDbContext db)
    {
        RuleFor(r => r.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter a name for the agency.")
            .Must(name => name.Trim().Length <= MaximumNameLength).WithMessage($"The agency name must be {MaximumNameLength} characters or fewer.");
        RuleFor(r => r.Name)
            .MustAsync(async (name, ct) => !await NameIsTakenAsync(db, name, ct))
            .When(r => !string.IsNullOrWhiteSpace(r.Name))
            .WithMessage("An agency with this name already exists.");
        RuleFor(r => r.Kind)
            .IsInEnum().WithMessage("Select the kind of agency.");
    }

    // Agencies are few; comparing in memory ignores case the same way on every database, Welsh letters included.
    private static async Task<bool> NameIsTakenAsync(IApplicationDbContext db, string name, CancellationToken cancellationToken)
    {
        var names = await db.Agencies.AsNoTracking().Select(a => a.Name).ToListAsync(cancellationToken);
        return names.Exists(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
