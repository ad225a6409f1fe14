using CaseManagement.Application.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Commands.RecordOnwardReferralStep;

/// <summary>The steps of an onward referral after it is made.</summary>
public enum OnwardReferralStep
{
    Accepted,
    Declined,
    FirstAppointment,
    Closed,
}

/// <summary>Records a step of an onward referral: accepted or declined (with the reason), the first appointment, closed.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record RecordOnwardReferralStep(Guid OnwardReferralId, OnwardReferralStep? Step, DateOnly? On, string? Reason) : ICommand<Unit>;

public sealed class RecordOnwardReferralStepHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordOnwardReferralStep, Unit>
{
    public async Task<Unit> Handle(RecordOnwardReferralStep request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var referral = await db.OnwardReferrals.Where(r => r.Id == request.OnwardReferralId && cases.Any(c => c.Id == r.CaseId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Onward referral", request.OnwardReferralId);
        var @case = await db.Cases.SingleAsync(c => c.Id == referral.CaseId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var on = request.On!.Value;
        switch (request.Step)
        {
            case OnwardReferralStep.Accepted:
                referral.Accept(@case, on, now, user.UserId);
                break;
            case OnwardReferralStep.Declined:
                referral.Decline(@case, on, request.Reason ?? string.Empty, now, user.UserId);
                break;
            case OnwardReferralStep.FirstAppointment:
                referral.RecordFirstAppointment(@case, on, now, user.UserId);
                break;
            default:
                referral.Close(@case, on, request.Reason, now, user.UserId);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
