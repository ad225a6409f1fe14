using CaseManagement.Application.Cases;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Reminders;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Assessments.Commands.CountersignAssessment;

/// <summary>
/// A team manager countersigns the assessment. Each recommendation becomes a draft goal of the plan, for the case
/// manager to agree with the child and family, unless the plan already has a goal of the same words; the author is told.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record CountersignAssessment(Guid AssessmentId) : ICommand<Unit>;

public sealed class CountersignAssessmentHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IEmailSender email, IOptions<ReminderSettings> settings, TimeProvider clock)
    : IRequestHandler<CountersignAssessment, Unit>
{
    /// <summary>The most goals one countersignature drafts: recommendations past these are left to the case manager.</summary>
    public const int MostDraftGoals = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(CountersignAssessment request, CancellationToken cancellationToken)
    {
        var assessment = await db.AssessmentForChangeAsync(user, request.AssessmentId, cancellationToken);
        assessment.Countersign(Now, user.UserId);

        // A reassessment's recommendations add to the plan already agreed: a recommendation the plan already holds
        // (the same words, whatever the case or spacing, as the previous countersignature drafted it) is not added twice.
        var @case = await db.CaseForChangeAsync(user, assessment.CaseId, cancellationToken);
        if (@case.IsOpen)
        {
            var existing = (await db.Goals.Where(g => g.CaseId == @case.Id).Select(g => g.Description).ToListAsync(cancellationToken))
                .Select(Same).ToHashSet(StringComparer.Ordinal);
            foreach (var recommendation in assessment.RecommendationList.Take(MostDraftGoals))
            {
                var description = recommendation.Length > Goal.DescriptionMaxLength ? recommendation[..Goal.DescriptionMaxLength] : recommendation;
                if (existing.Add(Same(description)))
                {
                    db.Goals.Add(Goal.Set(@case, description, GoalOwner.CaseManager, null, null, Now, user.UserId));
                }
            }
        }

        await AssessmentNotices.AddAsync(db, users, email, settings.Value.LinkBaseUrl, assessment, NotificationKind.AssessmentCountersigned, user.UserId, Now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static string Same(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
