using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.HoldReview;

public sealed class HoldReviewValidator : AbstractValidator<HoldReview>
{
    public HoldReviewValidator(TimeProvider clock)
    {
        RuleFor(r => r.HeldOn).NotEmpty().WithMessage("Enter the date of the review.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The review date must be today or in the past.");
        RuleFor(r => r.NextReviewDue).NotEmpty().WithMessage("Enter the date of the next review.");
        RuleFor(r => r.NextReviewDue).GreaterThan(r => r.HeldOn).When(r => r.HeldOn != default && r.NextReviewDue != default)
            .WithMessage("The next review must be after this one.");
        RuleFor(r => r.Decision).NotNull().WithMessage("Choose the decision of the review.").IsInEnum().WithMessage("Choose the decision of the review.");
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
