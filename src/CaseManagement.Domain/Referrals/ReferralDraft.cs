namespace CaseManagement.Domain.Referrals;

/// <summary>
/// A referral a member of staff is part way through on the question pages. The answers are kept as the sender gave
/// them (JSON), so they can stop and come back; the draft's id is the submission key, so submitting it twice creates one referral.
/// </summary>
public sealed class ReferralDraft
{
    // For EF Core.
    private ReferralDraft()
    {
        Answers = "{}";
    }

    public ReferralDraft(Guid ownerUserId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        OwnerUserId = ownerUserId;
        Answers = "{}";
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>How long an unfinished draft is kept.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public Guid Id { get; private set; }

    public Guid OwnerUserId { get; private set; }

    public string Answers { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid? SubmittedReferralId { get; private set; }

    /// <summary>The question pages answered so far, comma-separated.</summary>
    public string CompletedSteps { get; private set; } = string.Empty;

    public IReadOnlyList<string> Completed => CompletedSteps.Length == 0 ? [] : CompletedSteps.Split(',');

    public void Save(string step, string answers, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        if (!Completed.Contains(step, StringComparer.Ordinal))
        {
            CompletedSteps = string.Join(",", Completed.Append(step));
        }

        if (SubmittedReferralId is not null)
        {
            throw new DomainRuleException("This referral has already been sent.");
        }

        Answers = answers;
        UpdatedAtUtc = nowUtc;
    }

    public void MarkSubmitted(Guid referralId, DateTime nowUtc)
    {
        SubmittedReferralId ??= referralId;
        UpdatedAtUtc = nowUtc;
    }
}
