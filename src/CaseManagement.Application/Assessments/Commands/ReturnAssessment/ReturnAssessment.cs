using CaseManagement.Application.Notifications;
using CaseManagement.Application.Reminders;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Assessments.Commands.ReturnAssessment;

/// <summary>A team manager returns the assessment with comments for the case manager.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ReturnAssessment(Guid AssessmentId, string Comments) : ICommand<Unit>;

/// <summary>Returns the assessment with comments; its author is told (<see cref="AssessmentNotices"/>).</summary>
public sealed class ReturnAssessmentHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IEmailSender email, IOptions<ReminderSettings> settings, TimeProvider clock)
    : IRequestHandler<ReturnAssessment, Unit>
{
    public async Task<Unit> Handle(ReturnAssessment r, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = await db.AssessmentForChangeAsync(user, r.AssessmentId, cancellationToken);
        assessment.Return(r.Comments, now, user.UserId);
        await AssessmentNotices.AddAsync(db, users, email, settings.Value.LinkBaseUrl, assessment, NotificationKind.AssessmentReturned, user.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
