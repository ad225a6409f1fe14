using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases;

/// <summary>The one way the case commands that only call the case change it: for its team, then saved.</summary>
internal static class CaseChanges
{
    public static async Task<Unit> ChangeCaseAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, Action<ChildCase> change, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, caseId, cancellationToken);
        change(@case);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
