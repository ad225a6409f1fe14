using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Commands.CreateTeam;

public sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public const int MaximumNameLength = 200;

    public CreateTeamValidator(IApplicationDbContext db)
    {
        RuleFor(r => r.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Enter a name for the team.")
            .Must(name => name.Trim().Length <= MaximumNameLength).WithMessage($"The team name must be {MaximumNameLength} characters or fewer.");
        RuleFor(r => r.Name)
            .MustAsync(async (name, ct) => !await NameIsTakenAsync(db, name, ct))
            .When(r => !string.IsNullOrWhiteSpace(r.Name))
            .WithMessage("A team with this name already exists.");
        RuleFor(r => r.AgencyId)
            .NotEmpty().WithMessage("Select the agency the team belongs to.");
        RuleFor(r => r.AgencyId)
            .MustAsync(async (id, ct) => await db.Agencies.AnyAsync(a => a.Id == id, ct))
            .When(r => r.AgencyId != Guid.Empty)
            .WithMessage("Select an agency from the list.");
    }

    // Teams are few; comparing in memory ignores case the same way on every database, Welsh letters included.
    private static async Task<bool> NameIsTakenAsync(IApplicationDbContext db, string name, CancellationToken cancellationToken)
    {
        var names = await db.Teams.AsNoTracking().Select(t => t.Name).ToListAsync(cancellationToken);
        return names.Exists(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
