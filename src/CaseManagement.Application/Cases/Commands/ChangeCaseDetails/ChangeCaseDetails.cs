using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.ChangeCaseDetails;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ChangeCaseDetails(Guid CaseId, InterventionType? InterventionType, bool EnhancedCaseManagement) : ICommand<Unit>;

public sealed class ChangeCaseDetailsValidator : AbstractValidator<ChangeCaseDetails>
{
    public ChangeCaseDetailsValidator() =>
        RuleFor(c => c.InterventionType).NotNull().WithMessage("Choose the type of intervention.").IsInEnum().WithMessage("Choose the type of intervention.");
}

public sealed class ChangeCaseDetailsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeCaseDetails, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(ChangeCaseDetails request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.ChangeDetails(request.InterventionType!.Value, request.EnhancedCaseManagement, Now, user.UserId), cancellationToken);
}
