namespace CaseManagement.Application.Matching;

/// <summary>
/// How common each name is among the children already known, for matching's term-frequency adjustment. Reading every
/// name costs a query over all children, so implementations keep a snapshot and refresh it now and then.
/// </summary>
public interface INameFrequencySource
{
    /// <summary>The current snapshot, or null when too few children are known for frequencies to mean anything.</summary>
    Task<INameFrequencies?> GetAsync(CancellationToken cancellationToken);
}
