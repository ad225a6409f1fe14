using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;

namespace CaseManagement.Application.Assessments.Commands.SubmitAssessment;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SubmitAssessment(Guid AssessmentId) : ICommand<Unit>;

public sealed class SubmitAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SubmitAssessment, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SubmitAssessment r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.Submit(Now, user.UserId), cancellationToken);
}
