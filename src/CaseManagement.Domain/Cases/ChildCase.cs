using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Opened from an accepted referral; on the waiting list until a case manager is allocated.</summary>
    WaitingForAllocation,

    Open,

    Closed,
}

/// <summary>
/// The team's work with one child, opened when screening accepts a referral. A later referral for a child whose case
/// is still open joins that case instead of opening another. (Allocation, closure and reviews build on this.)
/// </summary>
public sealed class ChildCase : Entity
{
    // For EF Core.
    private ChildCase()
        : base(Guid.Empty)
    {
    }

    private ChildCase(Guid id, Guid teamId, Guid childId, DateTime openedAtUtc, Guid? openedByUserId)
        : base(id)
    {
        TeamId = teamId;
        ChildId = childId;
        OpenedAtUtc = openedAtUtc;
        OpenedByUserId = openedByUserId;
        Status = CaseStatus.WaitingForAllocation;
    }

    public Guid TeamId { get; private set; }

    public Guid ChildId { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public Guid? OpenedByUserId { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public bool IsOpen => Status != CaseStatus.Closed;

    public static ChildCase Open(Guid teamId, Guid childId, DateTime nowUtc, Guid? byUserId)
    {
        var opened = new ChildCase(Guid.NewGuid(), teamId, childId, nowUtc, byUserId);
        opened.Record(new CaseOpened(nowUtc, opened.Id, childId));
        return opened;
    }
}

public sealed record CaseOpened(DateTime OccurredAtUtc, Guid CaseId, Guid ChildId) : DomainEvent(OccurredAtUtc);
