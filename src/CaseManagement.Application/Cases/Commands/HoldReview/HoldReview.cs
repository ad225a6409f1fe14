using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.HoldReview;

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
    ReviewDecision? Decision,
    DateOnly NextReviewDue) : ICommand<Guid>;

public sealed class HoldReviewHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<HoldReview, Guid>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> Handle(HoldReview request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var goals = await db.Goals.Where(g => g.CaseId == @case.Id).ToListAsync(cancellationToken);
        var review = Review.Hold(@case, goals, request.HeldOn, request.Goals, (request.WhatIsWorking, request.ChildView, request.FamilyView, request.Recommendations), request.Decision!.Value, request.NextReviewDue, Now, user.UserId);
        db.Reviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return review.Id;
    }
}
