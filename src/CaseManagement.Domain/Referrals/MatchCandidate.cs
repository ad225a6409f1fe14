namespace CaseManagement.Domain.Referrals;

public enum MatchCandidateStatus
{
    /// <summary>Waiting for a person to decide.</summary>
    Proposed,

    /// <summary>Scored above the upper threshold and linked without a person.</summary>
    LinkedAutomatically,

    /// <summary>A person confirmed that the referral is about this child.</summary>
    Confirmed,

    /// <summary>A person said this is not the same child: it is not proposed again for this referral.</summary>
    Rejected,
}

/// <summary>
/// A known child that matching put forward for a referral, with the score and the field-by-field evidence as they
/// stood when the referral arrived, and what a person decided.
/// </summary>
public sealed class MatchCandidate
{
    // For EF Core.
    private MatchCandidate()
    {
        Explanation = string.Empty;
    }

    public MatchCandidate(Guid referralId, Guid childId, double score, string decision, string explanation, DateTime proposedAtUtc, bool linkedAutomatically)
    {
        Id = Guid.NewGuid();
        ReferralId = referralId;
        ChildId = childId;
        Score = score;
        Decision = decision;
        Explanation = explanation;
        ProposedAtUtc = proposedAtUtc;
        Status = linkedAutomatically ? MatchCandidateStatus.LinkedAutomatically : MatchCandidateStatus.Proposed;
        DecidedAtUtc = linkedAutomatically ? proposedAtUtc : null;
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid ChildId { get; private set; }

    public double Score { get; private set; }

    /// <summary>What the score alone said: Link, Review or NewChild.</summary>
    public string Decision { get; private set; } = string.Empty;

    /// <summary>The engine's explanation (fields, levels, weights, vetoes) as JSON.</summary>
    public string Explanation { get; private set; }

    public MatchCandidateStatus Status { get; private set; }

    public DateTime ProposedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public string? DecisionNote { get; private set; }

    public void Confirm(DateTime nowUtc, Guid? byUserId)
    {
        if (Status != MatchCandidateStatus.Proposed)
        {
            throw new DomainRuleException("This possible match has already been decided.");
        }

        Decide(MatchCandidateStatus.Confirmed, nowUtc, byUserId, null);
    }

    public void Reject(DateTime nowUtc, Guid? byUserId, string? note)
    {
        if (Status == MatchCandidateStatus.Rejected)
        {
            throw new DomainRuleException("This possible match has already been rejected.");
        }

        Decide(MatchCandidateStatus.Rejected, nowUtc, byUserId, note);
    }

    /// <summary>A link undone puts the candidate back for a person to decide again.</summary>
    public void Reopen()
    {
        Status = MatchCandidateStatus.Proposed;
        DecidedAtUtc = null;
        DecidedByUserId = null;
    }

    private void Decide(MatchCandidateStatus status, DateTime nowUtc, Guid? byUserId, string? note)
    {
        Status = status;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = byUserId;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
