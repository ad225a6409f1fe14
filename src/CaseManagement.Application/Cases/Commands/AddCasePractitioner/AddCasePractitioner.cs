namespace CaseManagement.Application.Cases.Commands.AddCasePractitioner;

/// <summary>Adds a seconded practitioner to the case, saying what they bring.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AddCasePractitioner(Guid CaseId, Guid UserId, string Contribution) : ICommand<Unit>;

public sealed class AddCasePractitionerHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<AddCasePractitioner, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(AddCasePractitioner request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var practitioner = await users.FindAsync(request.UserId, cancellationToken);
        if (practitioner is null || practitioner.IsDisabled || !practitioner.Roles.Contains(Roles.SecondedPractitioner))
        {
            throw new DomainRuleException("Choose a seconded practitioner.", nameof(request.UserId));
        }

        @case.AddPractitioner(request.UserId, request.Contribution, Now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
