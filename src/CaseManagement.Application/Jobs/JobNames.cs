namespace CaseManagement.Application.Jobs;

/// <summary>The background jobs, by the names the scheduler, the API and the administrators' page use.</summary>
public static class JobNames
{
    public const string ReviewReminders = "review-reminders";
    public const string EmailDispatch = "email-dispatch";
    public const string DraftCleanup = "referral-draft-cleanup";
    public const string RetentionReview = "retention-review";
    public const string WebhookDispatch = "webhook-dispatch";

    public static IReadOnlyList<string> All { get; } = [ReviewReminders, EmailDispatch, DraftCleanup, RetentionReview, WebhookDispatch];
}
