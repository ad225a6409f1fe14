using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Cases;

public enum ReviewDecision
{
    Continue,
    StepUp,
    PlanExit,
}

/// <summary>Progress on one goal as a review scored it.</summary>
public sealed record GoalProgressAtReview(Guid GoalId, int Progress, GoalStatus Status);

/// <summary>
/// A regular review of the child's plan: progress on each goal, what is working, the child's and family's own views,
/// recommendations, a decision, and the date of the next review.
/// </summary>
public sealed class Review : Entity
{
    public const int TextMaxLength = 4000;

    private readonly List<ReviewGoalScore> _scores = [];

    // For EF Core.
    private Review()
        : base(Guid.Empty)
    {
    }

    private Review(Guid caseId, Guid childId, DateOnly heldOn, DateTime nowUtc, Guid? byUserId)
        : base(Guid.NewGuid())
    {
        CaseId = caseId;
        ChildId = childId;
        HeldOn = heldOn;
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string? WhatIsWorking { get; private set; }

    public string? ChildView { get; private set; }

    public string? FamilyView { get; private set; }

    public string? Recommendations { get; private set; }

    public ReviewDecision Decision { get; private set; }

    public DateOnly NextReviewDue { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public IReadOnlyCollection<ReviewGoalScore> Scores => _scores;

    /// <summary>Holds a review of an open, allocated case: scores its goals and sets the next review date.</summary>
    public static Review Hold(
        ChildCase forCase,
        IReadOnlyCollection<Goal> goals,
        DateOnly heldOn,
        IReadOnlyCollection<GoalProgressAtReview> progress,
        (string? WhatIsWorking, string? ChildView, string? FamilyView, string? Recommendations) notes,
        ReviewDecision decision,
        DateOnly nextReviewDue,
        DateTime nowUtc,
        Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(progress);
        forCase.EnsureOpen("A closed case cannot be reviewed. Reopen it first.");
        if (forCase.Status == CaseStatus.WaitingForAllocation)
        {
            throw new DomainRuleException("Allocate the case before its first review.");
        }

        var today = DateOnly.FromDateTime(nowUtc);
        if (heldOn > today)
        {
            throw new DomainRuleException("The review date must be today or in the past.");
        }

        if (nextReviewDue <= heldOn)
        {
            throw new DomainRuleException("The next review must be after this one.");
        }

        var review = new Review(forCase.Id, forCase.ChildId, heldOn, nowUtc, byUserId)
        {
            WhatIsWorking = Clean(notes.WhatIsWorking),
            ChildView = Clean(notes.ChildView),
            FamilyView = Clean(notes.FamilyView),
            Recommendations = Clean(notes.Recommendations),
            Decision = decision,
            NextReviewDue = nextReviewDue,
        };

        foreach (var score in progress)
        {
            var goal = goals.FirstOrDefault(g => g.Id == score.GoalId && g.CaseId == forCase.Id)
                ?? throw new DomainRuleException("A goal scored in the review is not one of this case's goals.");
            goal.RecordProgress(score.Progress, score.Status, nowUtc, byUserId);
            review._scores.Add(new ReviewGoalScore(review.Id, goal.Id, score.Progress, score.Status));
        }

        forCase.Reviewed(nextReviewDue);
        review.Record(new ReviewEvent(nowUtc, forCase.Id, forCase.ChildId, decision.ToString(), byUserId));
        return review;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The score a review gave one goal.</summary>
public sealed class ReviewGoalScore
{
    // For EF Core.
    private ReviewGoalScore()
    {
    }

    internal ReviewGoalScore(Guid reviewId, Guid goalId, int progress, GoalStatus status)
    {
        Id = Guid.NewGuid();
        ReviewId = reviewId;
        GoalId = goalId;
        Progress = progress;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid GoalId { get; private set; }

    public int Progress { get; private set; }

    public GoalStatus Status { get; private set; }
}

public sealed record ReviewEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, string Detail, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;

    public TimelineKind Kind => TimelineKind.ReviewHeld;

    string? ITimelineEvent.Detail => Detail;
}
