namespace CaseManagement.Domain.Records;

/// <summary>
/// A restriction of processing (UK GDPR article 18): while it stands, the child's record is kept and may be read, but
/// nothing about the child is added or changed. Who placed it, who lifted it and why are kept.
/// </summary>
public sealed class ProcessingRestriction : Entity
{
    public const int ReasonMaxLength = 1000;

    private ProcessingRestriction(Guid id)
        : base(id)
    {
        Reason = string.Empty;
    }

    public Guid ChildId { get; private set; }

    public string Reason { get; private set; }

    public DateTime RestrictedAtUtc { get; private set; }

    public Guid? RestrictedByUserId { get; private set; }

    public DateTime? LiftedAtUtc { get; private set; }

    public Guid? LiftedByUserId { get; private set; }

    public string? LiftReason { get; private set; }

    public static ProcessingRestriction Place(Guid childId, string reason, DateTime nowUtc, Guid? byUserId) =>
        new(Guid.NewGuid()) { ChildId = childId, Reason = reason.Trim(), RestrictedAtUtc = nowUtc, RestrictedByUserId = byUserId };

    public void Lift(string reason, DateTime nowUtc, Guid? byUserId)
    {
        if (LiftedAtUtc is not null)
        {
            throw new DomainRuleException("This restriction has already been lifted.");
        }

        (LiftReason, LiftedAtUtc, LiftedByUserId) = (reason.Trim(), nowUtc, byUserId);
    }
}
