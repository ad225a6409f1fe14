namespace CaseManagement.Domain.Cases;

/// <summary>One period in which a case manager held the case; reallocation ends it and starts the next.</summary>
public sealed class CaseAllocation
{
    // For EF Core.
    private CaseAllocation()
    {
    }

    internal CaseAllocation(Guid caseId, Guid caseManagerUserId, DateTime nowUtc, Guid? byUserId)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        CaseManagerUserId = caseManagerUserId;
        AllocatedAtUtc = nowUtc;
        AllocatedByUserId = byUserId;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid CaseManagerUserId { get; private set; }

    public DateTime AllocatedAtUtc { get; private set; }

    public Guid? AllocatedByUserId { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    internal void End(DateTime nowUtc) => EndedAtUtc ??= nowUtc;
}

/// <summary>A seconded practitioner (police, health, speech and language, ...) added to the child's case.</summary>
public sealed class CaseMember
{
    public const int ContributionMaxLength = 200;

    // For EF Core.
    private CaseMember()
    {
        Contribution = string.Empty;
    }

    internal CaseMember(Guid caseId, Guid userId, string contribution, DateTime nowUtc, Guid? byUserId)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        UserId = userId;
        Contribution = contribution;
        AddedAtUtc = nowUtc;
        AddedByUserId = byUserId;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>What they bring to the case, in the team's words ("speech and language assessment").</summary>
    public string Contribution { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    public Guid? AddedByUserId { get; private set; }

    public DateTime? RemovedAtUtc { get; private set; }

    public bool IsCurrent => RemovedAtUtc is null;

    internal void Remove(DateTime nowUtc) => RemovedAtUtc ??= nowUtc;
}
