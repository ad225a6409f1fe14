using CaseManagement.Application.Cases;
using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Queries.ListAssessments;

/// <summary>Every version of the case's assessment, oldest first, with its three ratings: the comparison between versions.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListAssessments(Guid CaseId) : IRequest<IReadOnlyList<AssessmentVersionDto>?>;

/// <summary>
/// One version's ratings. <see cref="AceCount"/> is null for a reader outside the team: it counts answers withheld from
/// them, so even the number would tell them what those answers are.
/// </summary>
public sealed record AssessmentVersionDto(
    Guid Id,
    int Number,
    AssessmentStatus Status,
    DateTime CreatedAtUtc,
    DateTime? CountersignedAtUtc,
    LikelihoodRating? Reoffending,
    ConcernRating? SeriousHarm,
    ConcernRating? Wellbeing,
    int? AceCount);

public sealed class ListAssessmentsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListAssessments, IReadOnlyList<AssessmentVersionDto>?>
{
    public async Task<IReadOnlyList<AssessmentVersionDto>?> Handle(ListAssessments request, CancellationToken cancellationToken)
    {
        if (!await db.Cases.VisibleTo(user, db.CaseMembers).AnyAsync(c => c.Id == request.CaseId, cancellationToken))
        {
            return null;
        }

        var versions = await db.Assessments.AsNoTracking().Include(a => a.Adversities).Where(a => a.CaseId == request.CaseId).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return versions.Select(a => new AssessmentVersionDto(a.Id, a.Number, a.Status, a.CreatedAtUtc, a.CountersignedAtUtc, a.Reoffending, a.SeriousHarm, a.Wellbeing, user.SeesTeamOnlyEntries(a.TeamId) ? a.AceCount : null)).ToList();
    }
}
