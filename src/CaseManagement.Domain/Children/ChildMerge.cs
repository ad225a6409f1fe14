namespace CaseManagement.Domain.Children;

/// <summary>
/// Two records found to be the same child: the merged record's referrals and cases move to the survivor, and the merged record
/// is kept, marked, so that the merge can be undone exactly. Nothing is deleted.
/// </summary>
public sealed class ChildMerge
{
    // For EF Core.
    private ChildMerge()
    {
        Reason = string.Empty;
        MovedReferralIds = string.Empty;
        MovedCaseIds = string.Empty;
    }

    public ChildMerge(Guid survivorChildId, Guid mergedChildId, string reason, IEnumerable<Guid> movedReferralIds, DateTime nowUtc, Guid? byUserId)
        : this(survivorChildId, mergedChildId, reason, movedReferralIds, [], nowUtc, byUserId)
    {
    }

    public ChildMerge(Guid survivorChildId, Guid mergedChildId, string reason, IEnumerable<Guid> movedReferralIds, IEnumerable<Guid> movedCaseIds, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Id = Guid.NewGuid();
        SurvivorChildId = survivorChildId;
        MergedChildId = mergedChildId;
        Reason = reason.Trim();
        MovedReferralIds = string.Join(",", movedReferralIds);
        MovedCaseIds = string.Join(",", movedCaseIds);
        MergedAtUtc = nowUtc;
        MergedByUserId = byUserId;
    }

    public Guid Id { get; private set; }

    public Guid SurvivorChildId { get; private set; }

    public Guid MergedChildId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The referrals that moved to the survivor, comma-separated: exactly these move back on undo.</summary>
    public string MovedReferralIds { get; private set; }

    /// <summary>The cases that moved to the survivor with the referrals, comma-separated: exactly these move back on undo.</summary>
    public string MovedCaseIds { get; private set; }

    public DateTime MergedAtUtc { get; private set; }

    public Guid? MergedByUserId { get; private set; }

    public DateTime? UndoneAtUtc { get; private set; }

    public Guid? UndoneByUserId { get; private set; }

    public IReadOnlyList<Guid> MovedReferrals =>
        MovedReferralIds.Length == 0 ? [] : MovedReferralIds.Split(',').Select(Guid.Parse).ToList();

    public IReadOnlyList<Guid> MovedCases =>
        MovedCaseIds.Length == 0 ? [] : MovedCaseIds.Split(',').Select(Guid.Parse).ToList();

    public void Undo(DateTime nowUtc, Guid? byUserId)
    {
        if (UndoneAtUtc is not null)
        {
            throw new DomainRuleException("This merge has already been undone.");
        }

        UndoneAtUtc = nowUtc;
        UndoneByUserId = byUserId;
    }
}

/// <summary>
/// One blocking key of one record of a child (the child's own details, or a linked referral's): the database's copy of
/// matching's candidate index, so that a referral is scored against the few children sharing a key with it.
/// </summary>
public sealed class ChildMatchKey
{
    public ChildMatchKey(long key, Guid childId, Guid sourceId, int scheme)
    {
        Key = key;
        ChildId = childId;
        SourceId = sourceId;
        Scheme = scheme;
    }

    public long Key { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The child (its own details) or the referral whose details gave this key.</summary>
    public Guid SourceId { get; private set; }

    /// <summary>
    /// The version of the key scheme that wrote the key (decision 0078): a record whose keys are older than today's
    /// scheme is keyed again in the background, its old keys serving intake until its new ones replace them.
    /// </summary>
    public int Scheme { get; private set; }

    public void MoveTo(Guid childId) => ChildId = childId;
}
