namespace CaseManagement.Domain.Matching;

/// <summary>Where a set of matching parameters stands: learned and waiting, in use, replaced, or turned down.</summary>
public enum MatchParameterState
{
    Proposed,
    Active,
    Retired,
    Discarded,
}

/// <summary>
/// One version of the matching engine's m/u table, learned from the register by expectation maximisation
/// (docs/decisions/0066). A set is proposed by a re-estimation, then an administrator activates it (the set in use
/// before is retired, never overwritten) or discards it. Only one set is active at a time; with none, intake uses
/// the configured table. The table is the JSON of every field level's m and u; it holds no personal data.
/// </summary>
public sealed class MatchParameterSet
{
    public const int WeightsMaxLength = 20_000;

    // For EF Core.
    private MatchParameterSet() => Weights = string.Empty;

    public MatchParameterSet(int version, string weights, DateTime learnedAtUtc, Guid? learnedByUserId, int children, long candidatePairs, long randomPairs, int iterations, double priorMatchShare)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        if (weights.Length > WeightsMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), "The weights are longer than a parameter set holds.");
        }

        Id = Guid.NewGuid();
        Version = version;
        Weights = weights;
        LearnedAtUtc = learnedAtUtc;
        LearnedByUserId = learnedByUserId;
        Children = children;
        CandidatePairs = candidatePairs;
        RandomPairs = randomPairs;
        Iterations = iterations;
        PriorMatchShare = priorMatchShare;
        State = MatchParameterState.Proposed;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first set learned, then one more for each.</summary>
    public int Version { get; private set; }

    public MatchParameterState State { get; private set; }

    /// <summary>The m and u of each field's levels, as JSON (field name → level name → {"M", "U"}).</summary>
    public string Weights { get; private set; }

    public DateTime LearnedAtUtc { get; private set; }

    /// <summary>The administrator who asked for the re-estimation.</summary>
    public Guid? LearnedByUserId { get; private set; }

    /// <summary>How many children's records the set was learned from.</summary>
    public int Children { get; private set; }

    public long CandidatePairs { get; private set; }

    public long RandomPairs { get; private set; }

    public int Iterations { get; private set; }

    /// <summary>The share of candidate pairs expectation maximisation took to be the same child (λ).</summary>
    public double PriorMatchShare { get; private set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    public Guid? ActivatedByUserId { get; private set; }

    public DateTime? RetiredAtUtc { get; private set; }

    public DateTime? DiscardedAtUtc { get; private set; }

    public Guid? DiscardedByUserId { get; private set; }

    /// <summary>Puts a proposed set in use. The caller retires the set in use before (<see cref="Retire"/>).</summary>
    public void Activate(DateTime nowUtc, Guid? byUserId)
    {
        if (State != MatchParameterState.Proposed)
        {
            throw new DomainRuleException("Only a proposed set of weights can be put in use.");
        }

        State = MatchParameterState.Active;
        ActivatedAtUtc = nowUtc;
        ActivatedByUserId = byUserId;
    }

    /// <summary>Takes the set out of use, keeping it for the record.</summary>
    public void Retire(DateTime nowUtc)
    {
        if (State != MatchParameterState.Active)
        {
            throw new DomainRuleException("Only the set of weights in use can be retired.");
        }

        State = MatchParameterState.Retired;
        RetiredAtUtc = nowUtc;
    }

    /// <summary>Turns a proposal down, keeping it for the record.</summary>
    public void Discard(DateTime nowUtc, Guid? byUserId)
    {
        if (State != MatchParameterState.Proposed)
        {
            throw new DomainRuleException("Only a proposed set of weights can be discarded.");
        }

        State = MatchParameterState.Discarded;
        DiscardedAtUtc = nowUtc;
        DiscardedByUserId = byUserId;
    }
}
