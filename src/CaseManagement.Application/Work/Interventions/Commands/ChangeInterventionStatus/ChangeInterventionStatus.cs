using CaseManagement.Application.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionStatus;

/// <summary>Records that an intervention started, was completed, or stopped (with the reason), on a date.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ChangeInterventionStatus(Guid InterventionId, InterventionStatus? Status, DateOnly? On, string? Reason) : ICommand<Unit>;

public sealed class ChangeInterventionStatusHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeInterventionStatus, Unit>
{
    public async Task<Unit> Handle(ChangeInterventionStatus request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var intervention = await db.Interventions.Where(i => i.Id == request.InterventionId && cases.Any(c => c.Id == i.CaseId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Intervention", request.InterventionId);
        var @case = await db.Cases.SingleAsync(c => c.Id == intervention.CaseId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var on = request.On!.Value;
        switch (request.Status)
        {
            case InterventionStatus.Started:
                intervention.Start(@case, on, now, user.UserId);
                break;
            case InterventionStatus.Completed:
                intervention.Complete(@case, on, now, user.UserId);
                break;
            case InterventionStatus.Stopped:
                intervention.Stop(@case, on, request.Reason ?? string.Empty, now, user.UserId);
                break;
            default:
                throw new DomainRuleException("Choose what happened: started, completed or stopped.", nameof(request.Status));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
