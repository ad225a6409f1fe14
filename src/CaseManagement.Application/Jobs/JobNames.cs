namespace CaseManagement.Application.Jobs;

/// <summary>The background jobs, by the names the scheduler, the API and the administrators' page use.</summary>
public static class JobNames
{
    public const string ReviewReminders = "review-reminders";
    public const string EmailDispatch = "email-dispatch";
    public const string DraftCleanup = "referral-draft-cleanup";
    public const string RetentionReview = "retention-review";
    public const string WebhookDispatch = "webhook-dispatch";

    /// <summary>
    /// Re-estimates the matching weights (docs/decisions/0066). Run only when an administrator asks, from the matching
    /// page: not in <see cref="All"/>, which lists the recurring jobs.
    /// </summary>
    public const string MatchingWeights = "matching-weights";

    /// <summary>
    /// Keys again the children whose matching keys are older than today's scheme (docs/decisions/0078). Asked for at
    /// start-up when any child needs it: not in <see cref="All"/>, which lists the recurring jobs.
    /// </summary>
    public const string MatchKeys = "match-keys";

    public static IReadOnlyList<string> All { get; } = [ReviewReminders, EmailDispatch, DraftCleanup, RetentionReview, WebhookDispatch];
}
