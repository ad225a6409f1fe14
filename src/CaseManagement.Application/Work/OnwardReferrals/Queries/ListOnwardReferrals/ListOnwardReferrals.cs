namespace CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;

/// <summary>The onward referrals of a case, outstanding ones first, then newest first; null when the user does not see the case. Audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListOnwardReferrals(Guid CaseId) : IRequest<CaseOnwardReferralsDto?>;

/// <summary>The case's onward referrals to other services, with the case they belong to.</summary>
public sealed record CaseOnwardReferralsDto(CaseWorkHeader Case, IReadOnlyList<OnwardReferralDto> OnwardReferrals);

public sealed class ListOnwardReferralsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListOnwardReferrals, CaseOnwardReferralsDto?>
{
    public async Task<CaseOnwardReferralsDto?> Handle(ListOnwardReferrals request, CancellationToken cancellationToken)
    {
        if (await CaseWorkHeader.ReadAsync(db, user, audit, request.CaseId, "Onward referrals", cancellationToken) is not { } header)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await db.OnwardReferrals.AsNoTracking().Where(r => r.CaseId == header.CaseId).ToListAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseOnwardReferralsDto(
            header,
            found.OrderByDescending(r => r.IsOutstanding).ThenByDescending(r => r.ReferredOn).ThenByDescending(r => r.CreatedAtUtc).Select(r => OnwardReferralDto.From(r, today)).ToList());
    }
}
