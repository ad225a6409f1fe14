using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;

/// <summary>
/// Records that the child was referred on to another service, on a date. Answers its id; a second send with the same
/// <see cref="SubmissionKey"/> answers the first's.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record MakeOnwardReferral(Guid CaseId, OnwardService? Service, string? ServiceName, DateOnly? ReferredOn, string? Reason, Guid? SubmissionKey = null)
    : ICommand<Guid>, IIdempotentCommand;

public sealed class MakeOnwardReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MakeOnwardReferral, Guid>
{
    public async Task<Guid> Handle(MakeOnwardReferral request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        if (request.SubmissionKey is { } key
            && await db.OnwardReferrals.Where(r => r.CaseId == @case.Id && r.SubmissionKey == key).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken) is { } done)
        {
            return done;
        }

        var referral = OnwardReferral.Refer(@case, request.Service!.Value, request.ServiceName, request.ReferredOn!.Value, request.Reason, clock.GetUtcNow().UtcDateTime, user.UserId, request.SubmissionKey);
        db.OnwardReferrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return referral.Id;
    }
}
