using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.SetCasePriority;

/// <summary>Sets the team's priority for allocating a case on the waiting list.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetCasePriority(Guid CaseId, AllocationPriority? Priority) : ICommand<Unit>;

public sealed class SetCasePriorityValidator : AbstractValidator<SetCasePriority>
{
    public SetCasePriorityValidator() =>
        RuleFor(c => c.Priority).NotNull().WithMessage("Choose the priority for allocation.").IsInEnum().WithMessage("Choose the priority for allocation.");
}

public sealed class SetCasePriorityHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetCasePriority, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SetCasePriority request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.SetPriority(request.Priority!.Value, Now, user.UserId), cancellationToken);
}
