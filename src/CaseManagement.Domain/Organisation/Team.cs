using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Organisation;

/// <summary>A prevention team of a youth offending service: it owns children's cases.</summary>
public sealed class Team : Entity
{
    private Team(Guid id, string name, Guid agencyId)
        : base(id)
    {
        Name = name;
        AgencyId = agencyId;
    }

    public string Name { get; private set; }

    public Guid AgencyId { get; private set; }

    public static Team Create(string name, Guid agencyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Team(Guid.NewGuid(), name.Trim(), agencyId);
    }
}
