using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Application.Work.Plans.Queries.GetPlanVersion;

/// <summary>A published version of the case's plan, as it was agreed; null when the user may not see the case or there is no such version.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetPlanVersion(Guid CaseId, int Number) : IRequest<PlanVersionDto?>;

/// <summary>A published version of the plan, as it was published.</summary>
public sealed record PlanVersionDto(WorkCase Case, int Number, bool IsLatest, DateTime PublishedAtUtc, string? PublishedBy, PlanPartsDto Parts);

public sealed class GetPlanVersionHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetPlanVersion, PlanVersionDto?>
{
    public async Task<PlanVersionDto?> Handle(GetPlanVersion request, CancellationToken cancellationToken)
    {
        var found = await db.WorkCaseAsync(user, audit, request.CaseId, "PlanVersion", cancellationToken);
        var version = found is null ? null : await db.PlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CaseId == found.Id && v.Number == request.Number, cancellationToken);
        if (found is null || version is null)
        {
            return null;
        }

        var newest = await db.PlanVersions.Where(v => v.CaseId == found.Id).MaxAsync(v => v.Number, cancellationToken);
        var (_, assessed) = await db.LatestAsync(found.Id, cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        return new PlanVersionDto(
            found, version.Number, version.Number == newest, version.PublishedAtUtc, version.PublishedByUserId is { } by ? names.GetValueOrDefault(by) : null,
            PlanPartsDto.From(version.Read(), assessed, found.SeesWholeRecord, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
