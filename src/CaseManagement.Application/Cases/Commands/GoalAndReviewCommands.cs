using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands;

/// <summary>Sets a goal of the child's plan, agreed with the child and family; answers the goal's id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetGoal(Guid CaseId, string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate) : ICommand<Guid>, IGoalFields;

/// <summary>Changes a goal's wording, owner or target date, and records its progress (0 to 10) and status.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UpdateGoal(Guid GoalId, string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus Status) : ICommand<Unit>, IGoalFields;

/// <summary>Holds a review of the case: progress on each goal, the views of the child and family, a decision and the next date.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record HoldReview(
    Guid CaseId,
    DateOnly HeldOn,
    IReadOnlyList<GoalProgressAtReview> Goals,
    string? WhatIsWorking,
    string? ChildView,
    string? FamilyView,
    string? Recommendations,
    ReviewDecision Decision,
    DateOnly NextReviewDue) : ICommand<Guid>;

/// <summary>The fields a goal is set and changed with, checked by the same rules both ways.</summary>
public interface IGoalFields
{
    string Description { get; }

    GoalOwner Owner { get; }

    string? OwnerAgency { get; }
}

public sealed class GoalFieldsValidator : AbstractValidator<IGoalFields>
{
    public GoalFieldsValidator()
    {
        RuleFor(g => g.Description).NotEmpty().WithMessage("Describe the goal, in words the child and family would use.")
            .MaximumLength(Goal.DescriptionMaxLength).WithMessage("The goal must be 1000 characters or fewer.");
        RuleFor(g => g.Owner).IsInEnum().WithMessage("Choose who owns the goal.");
        RuleFor(g => g.OwnerAgency).NotEmpty().When(g => g.Owner == GoalOwner.Agency).WithMessage("Name the agency that owns the goal.");
        RuleFor(g => g.OwnerAgency).MaximumLength(Goal.AgencyMaxLength).WithMessage("The agency's name must be 200 characters or fewer.");
    }
}

public sealed class SetGoalValidator : AbstractValidator<SetGoal>
{
    public SetGoalValidator() => Include(new GoalFieldsValidator());
}

public sealed class UpdateGoalValidator : AbstractValidator<UpdateGoal>
{
    public UpdateGoalValidator()
    {
        Include(new GoalFieldsValidator());
        RuleFor(g => g.Progress).InclusiveBetween(0, Goal.MaxProgress).WithMessage("Progress must be a whole number from 0 to 10.");
        RuleFor(g => g.Status).IsInEnum().WithMessage("Choose the goal's status.");
    }
}

public sealed class HoldReviewValidator : AbstractValidator<HoldReview>
{
    public HoldReviewValidator()
    {
        RuleFor(r => r.HeldOn).NotEmpty().WithMessage("Enter the date of the review.");
        RuleFor(r => r.NextReviewDue).NotEmpty().WithMessage("Enter the date of the next review.");
        RuleFor(r => r.NextReviewDue).GreaterThan(r => r.HeldOn).When(r => r.HeldOn != default && r.NextReviewDue != default)
            .WithMessage("The next review must be after this one.");
        RuleFor(r => r.Decision).IsInEnum().WithMessage("Choose the decision of the review.");
        RuleFor(r => r.Goals).NotNull();
        RuleForEach(r => r.Goals).ChildRules(goal =>
        {
            goal.RuleFor(g => g.Progress).InclusiveBetween(0, Goal.MaxProgress).WithMessage("Progress must be a whole number from 0 to 10.");
            goal.RuleFor(g => g.Status).IsInEnum().WithMessage("Choose the goal's status.");
        });
        RuleFor(r => r.Goals).Must(g => g is null || g.Select(x => x.GoalId).Distinct().Count() == g.Count).WithMessage("Score each goal once.");
        RuleFor(r => r.WhatIsWorking).MaximumLength(Review.TextMaxLength).WithMessage("What is working must be 4000 characters or fewer.");
        RuleFor(r => r.ChildView).MaximumLength(Review.TextMaxLength).WithMessage("The child's view must be 4000 characters or fewer.");
        RuleFor(r => r.FamilyView).MaximumLength(Review.TextMaxLength).WithMessage("The family's view must be 4000 characters or fewer.");
        RuleFor(r => r.Recommendations).MaximumLength(Review.TextMaxLength).WithMessage("The recommendations must be 4000 characters or fewer.");
        RuleFor(r => r).Must(r => !string.IsNullOrWhiteSpace(r.ChildView) || !string.IsNullOrWhiteSpace(r.FamilyView))
            .WithMessage("Record the child's view or the family's view: the review is held with them.").OverridePropertyName("ChildView");
    }
}

public sealed class GoalAndReviewHandlers(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetGoal, Guid>, IRequestHandler<UpdateGoal, Unit>, IRequestHandler<HoldReview, Guid>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> Handle(SetGoal request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var goal = Goal.Set(@case, request.Description, request.Owner, request.OwnerAgency, request.TargetDate, Now, user.UserId);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal.Id;
    }

    public async Task<Unit> Handle(UpdateGoal request, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == request.GoalId, cancellationToken) ?? throw NotFoundException.For("Goal", request.GoalId);
        var @case = await db.CaseForChangeAsync(user, goal.CaseId, cancellationToken);
        goal.Change(@case, request.Description, request.Owner, request.OwnerAgency, request.TargetDate, Now);
        goal.RecordProgress(request.Progress, request.Status, Now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Guid> Handle(HoldReview request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var goals = await db.Goals.Where(g => g.CaseId == @case.Id).ToListAsync(cancellationToken);
        var review = Review.Hold(@case, goals, request.HeldOn, request.Goals, (request.WhatIsWorking, request.ChildView, request.FamilyView, request.Recommendations), request.Decision, request.NextReviewDue, Now, user.UserId);
        db.Reviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return review.Id;
    }
}
