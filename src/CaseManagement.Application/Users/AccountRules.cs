using FluentValidation.Results;

namespace CaseManagement.Application.Users;

/// <summary>The details an administrator gives an account, whether creating it or changing it.</summary>
public interface IAccountDetails
{
    string DisplayName { get; }

    /// <summary>The agency the person works for; none for staff of the service itself.</summary>
    Guid? AgencyId { get; }

    /// <summary>Names from <see cref="Common.Security.Roles.All"/>; at least one.</summary>
    IReadOnlyList<string> Roles { get; }

    IReadOnlyList<Guid> TeamIds { get; }
}

/// <summary>The rules every account's details obey: a name, known roles, agency and teams, and a partner system kept apart.</summary>
public abstract class AccountDetailsValidator<T> : AbstractValidator<T>
    where T : IAccountDetails
{
    public const int MaximumDisplayNameLength = 200;

    protected AccountDetailsValidator(IApplicationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage("Enter a name for the account.")
            .MaximumLength(MaximumDisplayNameLength).WithMessage($"The name must be {MaximumDisplayNameLength} characters or fewer.");
        RuleFor(r => r.Roles)
            .NotEmpty().WithMessage("Select at least one role.");
        RuleFor(r => r.Roles)
            .Must(roles => roles.All(Roles.All.Contains))
            .When(r => r.Roles is not null)
            .WithMessage("Select a role from the list.");
        RuleFor(r => r.Roles)
            .Must(roles => !roles.Contains(Roles.PartnerSystem) || roles.All(role => role == Roles.PartnerSystem))
            .When(r => r.Roles is not null)
            .WithMessage("A partner system account can have no other role.");
        RuleFor(r => r.TeamIds)
            .MustAsync(async (ids, ct) => await AllTeamsExistAsync(db, ids, ct))
            .When(r => r.TeamIds is { Count: > 0 })
            .WithMessage("Select a team from the list.");
        RuleFor(r => r.TeamIds)
            .Must(ids => ids.Count == 0)
            .When(r => r.TeamIds is not null && r.Roles is not null && r.Roles.Contains(Roles.PartnerSystem))
            .WithMessage("A partner system account cannot belong to a team.");
        RuleFor(r => r.AgencyId)
            .MustAsync(async (id, ct) => await db.Agencies.AnyAsync(a => a.Id == id, ct))
            .When(r => r.AgencyId is not null)
            .WithMessage("Select an agency from the list.");
    }

    private static async Task<bool> AllTeamsExistAsync(IApplicationDbContext db, IReadOnlyList<Guid> teamIds, CancellationToken cancellationToken)
    {
        var wanted = teamIds.Distinct().ToList();
        return await db.Teams.CountAsync(t => wanted.Contains(t.Id), cancellationToken) == wanted.Count;
    }
}

/// <summary>Shared wording and checks for the account commands.</summary>
internal static class AccountRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumEmailLength = 256;

    /// <summary>
    /// Returns the value of a change that succeeded; otherwise refuses the request with each error beside its field,
    /// as the validators would, naming the request's own password field where Identity names "Password".
    /// </summary>
    public static T OrThrow<T>(this AccountResult<T> result, string passwordField = AccountFields.Password)
    {
        if (result.Succeeded)
        {
            return result.Value!;
        }

        var failures = result.Errors.Select(e => new ValidationFailure(e.Field == AccountFields.Password ? passwordField : e.Field, e.Message)).ToList();
        if (failures.Count == 0)
        {
            failures.Add(new ValidationFailure(AccountFields.None, "The account could not be changed. Try again."));
        }

        throw new ValidationException(failures);
    }
}
