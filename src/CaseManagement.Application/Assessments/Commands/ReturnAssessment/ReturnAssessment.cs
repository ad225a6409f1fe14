using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;

namespace CaseManagement.Application.Assessments.Commands.ReturnAssessment;

/// <summary>A team manager returns the assessment with comments for the case manager.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ReturnAssessment(Guid AssessmentId, string Comments) : ICommand<Unit>;

public sealed class ReturnAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReturnAssessment, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(ReturnAssessment r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.Return(r.Comments, Now, user.UserId), cancellationToken);
}
