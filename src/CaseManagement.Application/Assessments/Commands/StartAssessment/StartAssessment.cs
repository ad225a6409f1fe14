using CaseManagement.Application.Cases;
using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.StartAssessment;

/// <summary>Starts the case's first assessment, or a reassessment prefilled from the last countersigned one; answers its id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record StartAssessment(Guid CaseId) : ICommand<Guid>;

public sealed class StartAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<StartAssessment, Guid>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> Handle(StartAssessment request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var latest = await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .Where(a => a.CaseId == @case.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);

        // A case moved on from an earlier case of the child's starts from what the team last knew of the child.
        latest ??= await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .Where(a => a.ChildId == @case.ChildId && a.TeamId == @case.TeamId && a.Status == AssessmentStatus.Countersigned)
            .OrderByDescending(a => a.CountersignedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var started = Assessment.Start(@case, latest, Now, user.UserId);
        db.Assessments.Add(started);
        await db.SaveChangesAsync(cancellationToken);
        return started.Id;
    }
}
