using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.SetNextReview;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetNextReview(Guid CaseId, DateOnly Due) : ICommand<Unit>;

public sealed class SetNextReviewValidator : AbstractValidator<SetNextReview>
{
    public SetNextReviewValidator(TimeProvider clock) =>
        RuleFor(c => c.Due).NotEmpty().WithMessage("Enter the date of the next review.")
            .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The review date must be today or in the future.");
}

public sealed class SetNextReviewHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetNextReview, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SetNextReview request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.SetNextReview(request.Due, Now, user.UserId), cancellationToken);
}
