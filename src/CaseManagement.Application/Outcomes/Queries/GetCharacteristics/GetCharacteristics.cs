using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.GetCharacteristics;

/// <summary>The protected characteristics of a case's child (special-category data); every read is in the audit trail. Null when the user does not see the case.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetCharacteristics(Guid CaseId) : IRequest<CharacteristicsDto?>;

/// <param name="ChildId">The child they describe.</param>
/// <param name="Ethnicity">The Welsh Government's ethnicity category, or "prefers not to say".</param>
/// <param name="Disability">Whether the child has a disability, or "prefers not to say".</param>
/// <param name="GenderSameAsSex">Whether the child's gender is the same as the sex recorded, or "prefers not to say".</param>
/// <param name="CareExperienced">Whether the child is care experienced, or "prefers not to say".</param>
/// <param name="Recorded">False until someone records them; the other properties are then null.</param>
public sealed record CharacteristicsDto(Guid ChildId, bool Recorded, Ethnicity? Ethnicity, CharacteristicAnswer? Disability, CharacteristicAnswer? GenderSameAsSex, CharacteristicAnswer? CareExperienced);

public sealed class GetCharacteristicsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetCharacteristics, CharacteristicsDto?>
{
    public async Task<CharacteristicsDto?> Handle(GetCharacteristics request, CancellationToken cancellationToken)
    {
        if (await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.Id == request.CaseId).Select(c => (Guid?)c.ChildId).SingleOrDefaultAsync(cancellationToken) is not { } childId)
        {
            return null;
        }

        var found = await db.ChildCharacteristics.AsNoTracking().SingleOrDefaultAsync(c => c.ChildId == childId, cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, nameof(ChildCharacteristics), childId.ToString(), childId, Reason: "Protected characteristics"));
        await db.SaveChangesAsync(cancellationToken);
        return found is null
            ? new CharacteristicsDto(childId, false, null, null, null, null)
            : new CharacteristicsDto(childId, true, found.Ethnicity, found.Disability, found.GenderSameAsSex, found.CareExperienced);
    }
}
