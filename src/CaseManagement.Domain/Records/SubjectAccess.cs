namespace CaseManagement.Domain.Records;

/// <summary>
/// A request from a child (or someone acting for them) for everything the team holds about them (UK GDPR article 15):
/// answered within one month of receipt, after a person has marked what must be redacted (other people's information).
/// </summary>
public sealed class SubjectAccessRequest : Entity
{
    public const int TextMaxLength = 4000;

    private SubjectAccessRequest(Guid id)
        : base(id)
    {
    }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>One calendar month after receipt, as the ICO counts it.</summary>
    public DateOnly DueOn { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public Guid? ReceivedByUserId { get; private set; }

    /// <summary>The words to redact before release, one a line (other people's names, addresses, what they said).</summary>
    public string? Redactions { get; private set; }

    public DateTime? ReleasedAtUtc { get; private set; }

    public Guid? ReleasedByUserId { get; private set; }

    public static SubjectAccessRequest Receive(Guid childId, Guid teamId, DateOnly receivedOn, DateTime nowUtc, Guid? byUserId) => new(Guid.NewGuid())
    {
        ChildId = childId,
        TeamId = teamId,
        ReceivedOn = receivedOn,
        DueOn = receivedOn.AddMonths(1),
        ReceivedAtUtc = nowUtc,
        ReceivedByUserId = byUserId,
    };

    /// <summary>The redactions, one a line; blank lines are dropped.</summary>
    public IReadOnlyList<string> RedactedWords =>
        (Redactions ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void MarkRedactions(string? words)
    {
        EnsureOpen();
        Redactions = string.IsNullOrWhiteSpace(words) ? null : words.Trim();
    }

    public void Release(DateTime nowUtc, Guid? byUserId)
    {
        EnsureOpen();
        (ReleasedAtUtc, ReleasedByUserId) = (nowUtc, byUserId);
    }

    private void EnsureOpen()
    {
        if (ReleasedAtUtc is not null)
        {
            throw new DomainRuleException("This request has already been answered.");
        }
    }
}
