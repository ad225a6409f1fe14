using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.RecordEngagement;

/// <summary>Records how far the child and family have taken up the (voluntary) work, as of a date.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordEngagement(Guid CaseId, EngagementStatus? Status, DateOnly On) : ICommand<Unit>;

public sealed class RecordEngagementValidator : AbstractValidator<RecordEngagement>
{
    public RecordEngagementValidator(TimeProvider clock)
    {
        RuleFor(c => c.Status).NotNull().WithMessage("Choose how the child and family are engaging.").IsInEnum().WithMessage("Choose how the child and family are engaging.");
        RuleFor(c => c.On).NotEmpty().WithMessage("Enter the date.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
    }
}

public sealed class RecordEngagementHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordEngagement, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(RecordEngagement request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.RecordEngagement(request.Status!.Value, request.On, Now, user.UserId), cancellationToken);
}
