using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments;

/// <summary>How the assessment commands find the assessment they change: its team's only.</summary>
internal static class AssessmentChanges
{
    /// <summary>The assessment with its areas and answers, for a change by its team; not found for anyone else.</summary>
    public static async Task<Assessment> AssessmentForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var teamIds = user.WorksTeamCases() ? user.TeamIds.ToList() : [];
        return await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .SingleOrDefaultAsync(a => a.Id == id && teamIds.Contains(a.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Assessment", id);
    }

    public static async Task<Unit> ChangeAssessmentAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, Action<Assessment> change, CancellationToken cancellationToken)
    {
        var assessment = await db.AssessmentForChangeAsync(user, id, cancellationToken);
        change(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
