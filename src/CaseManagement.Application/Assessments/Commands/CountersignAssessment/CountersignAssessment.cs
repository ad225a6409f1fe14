using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments.Commands.CountersignAssessment;

/// <summary>
/// A team manager countersigns the assessment. Where the plan has no goals yet, each recommendation becomes a draft
/// goal, for the case manager to agree with the child and family.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record CountersignAssessment(Guid AssessmentId) : ICommand<Unit>;

public sealed class CountersignAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CountersignAssessment, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(CountersignAssessment request, CancellationToken cancellationToken)
    {
        var assessment = await db.AssessmentForChangeAsync(user, request.AssessmentId, cancellationToken);
        assessment.Countersign(Now, user.UserId);

        // The first goals of the plan are drafted from the recommendations, for the case manager to agree with the family.
        var @case = await db.CaseForChangeAsync(user, assessment.CaseId, cancellationToken);
        if (@case.IsOpen && !await db.Goals.AnyAsync(g => g.CaseId == @case.Id, cancellationToken))
        {
            foreach (var recommendation in assessment.RecommendationList.Take(20))
            {
                var description = recommendation.Length > Goal.DescriptionMaxLength ? recommendation[..Goal.DescriptionMaxLength] : recommendation;
                db.Goals.Add(Goal.Set(@case, description, GoalOwner.CaseManager, null, null, Now, user.UserId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
