namespace CaseManagement.Domain.Common;

/// <summary>An entity with an identity and a list of things that happened to it since it was loaded.</summary>
public abstract class Entity
{
    private readonly List<DomainEvent> _events = [];

    protected Entity(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public IReadOnlyList<DomainEvent> Events => _events;

    protected void Record(DomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearEvents() => _events.Clear();
}

/// <summary>Something that happened to an entity, written once to the timeline and the audit trail.</summary>
public abstract record DomainEvent(DateTime OccurredAtUtc);
