using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Referrals.Queries.GetReferral;

/// <summary>One referral, if the user may see it; every view is written to the audit trail.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record GetReferral(Guid Id) : IRequest<ReferralDto>;

public sealed class GetReferralHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetReferral, ReferralDto>
{
    public async Task<ReferralDto> Handle(GetReferral request, CancellationToken cancellationToken)
    {
        var granted = await db.GrantedReferralIdsAsync(user, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var referral = await db.Referrals
            .VisibleTo(user, granted)
            .Where(r => r.Id == request.Id)
            .Select(ReferralDto.Projection)
            .SingleOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            // Someone who works a team's cases may open another team's record in an emergency; anyone else is told
            // nothing, not even that the record exists.
            if (user.WorksTeamCases() && await db.Referrals.AnyAsync(r => r.Id == request.Id, cancellationToken))
            {
                throw new BreakGlassRequiredException { ReferralId = request.Id };
            }

            throw NotFoundException.For("Referral", request.Id);
        }

        // Who sent it decides who may read the confidential notes; it is not part of the answer itself.
        var context = await db.Referrals
            .Where(r => r.Id == request.Id)
            .Select(r => new { r.SubmittedByUserId, Team = db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).Single() })
            .SingleAsync(cancellationToken);
        var mayReadSensitive = user.CanSeeSensitive(referral.TeamId, context.SubmittedByUserId);

        audit.Record(new AuditRecord(AuditAction.View, "Referral", referral.Id.ToString(), referral.ChildId));
        await db.SaveChangesAsync(cancellationToken);

        return ReferralDto.ForReader(referral, user) with
        {
            TeamName = context.Team,
            SensitiveNotes = mayReadSensitive ? referral.SensitiveNotes : null,
            SensitiveNotesWithheld = !mayReadSensitive && referral.SensitiveNotes is not null,
        };
    }
}
