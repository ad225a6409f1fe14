namespace CaseManagement.Application.Audit.Queries.ListRecordViewers;

/// <summary>Who has looked at or changed a referral: for the manager of the team that owns it.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListRecordViewers(Guid ReferralId) : IRequest<IReadOnlyList<AuditEntryDto>>;

public sealed class ListRecordViewersHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListRecordViewers, IReadOnlyList<AuditEntryDto>>
{
    public async Task<IReadOnlyList<AuditEntryDto>> Handle(ListRecordViewers request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        if (!await db.Referrals.AnyAsync(r => r.Id == request.ReferralId && teamIds.Contains(r.TeamId), cancellationToken))
        {
            throw NotFoundException.For("Referral", request.ReferralId);
        }

        var id = request.ReferralId.ToString();
        return await db.AuditEntries
            .Where(e => e.EntityType == "Referral" && e.EntityId == id)
            .OrderByDescending(e => e.Sequence)
            .Take(200)
            .Select(AuditEntryDto.Projection)
            .ToListAsync(cancellationToken);
    }
}
