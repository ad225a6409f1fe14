using CaseManagement.Application.Notifications;
using CaseManagement.Application.Reminders;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Assessments.Commands.SubmitAssessment;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SubmitAssessment(Guid AssessmentId) : ICommand<Unit>;

/// <summary>Submits the assessment for countersigning; the team's managers are told (<see cref="AssessmentNotices"/>).</summary>
public sealed class SubmitAssessmentHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IEmailSender email, IOptions<ReminderSettings> settings, TimeProvider clock)
    : IRequestHandler<SubmitAssessment, Unit>
{
    public async Task<Unit> Handle(SubmitAssessment r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = await db.AssessmentForChangeAsync(user, r.AssessmentId, cancellationToken);
        assessment.Submit(now, user.UserId);
        await AssessmentNotices.AddAsync(db, users, email, settings.Value.LinkBaseUrl, assessment, NotificationKind.AssessmentSubmitted, user.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
