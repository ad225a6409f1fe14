using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Matching;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Matching.Parameters.Queries.GetMatchParameters;

/// <summary>The matching page: the weights in use, a proposal waiting beside them, the history and the thresholds.</summary>
[Authorize(Roles.Administrator)]
public sealed record GetMatchParameters : IRequest<MatchParametersOverview>;

/// <summary>What the matching page shows.</summary>
/// <param name="Active">The set in use; none while intake uses the configured table.</param>
/// <param name="Proposed">A set learned and waiting for a decision.</param>
/// <param name="History">Every set, newest first (at most 20).</param>
/// <param name="Configured">The configured table, used while no set is active.</param>
/// <param name="Thresholds">The thresholds in force, as weights and as the probabilities they stand for.</param>
/// <param name="Children">Children in the register now.</param>
/// <param name="MinimumChildren">The fewest children weights are learned from.</param>
/// <param name="SchedulerRunning">False when this server runs no jobs, so a re-estimation cannot be started from it.</param>
/// <param name="LastRun">The latest re-estimation run.</param>
/// <param name="Keys">How far the register holds today's matching keys (decision 0078).</param>
public sealed record MatchParametersOverview(
    MatchParameterSetDto? Active,
    MatchParameterSetDto? Proposed,
    IReadOnlyList<MatchParameterSetDto> History,
    IReadOnlyList<LevelWeight> Configured,
    MatchThresholds Thresholds,
    int Children,
    int MinimumChildren,
    bool SchedulerRunning,
    EstimationRunDto? LastRun,
    MatchKeysStatus Keys);

/// <summary>The matching keys' progress (decision 0078): the scheme in use, the children still to key, the job's last run.</summary>
/// <param name="Scheme">Today's key scheme (<see cref="MatchBlocking.KeySchemeVersion"/>).</param>
/// <param name="ChildrenToKey">Children whose keys are older than it, or who have none: intake finds them by their old keys meanwhile.</param>
/// <param name="LastRun">The latest run of the matching-keys job.</param>
public sealed record MatchKeysStatus(int Scheme, int ChildrenToKey, EstimationRunDto? LastRun);

/// <summary>The thresholds at intake (decision 0066).</summary>
/// <param name="Upper">The weight at or above which a referral links.</param>
/// <param name="Lower">The weight below which a referral is about a new child.</param>
/// <param name="LinkProbability">The probability of being the same child the upper threshold stands for.</param>
/// <param name="ReviewProbability">The probability the lower threshold stands for.</param>
/// <param name="ReferencePopulation">The register size the prior is one in.</param>
public sealed record MatchThresholds(double Upper, double Lower, double LinkProbability, double ReviewProbability, int ReferencePopulation);

/// <summary>One stored set of weights.</summary>
public sealed record MatchParameterSetDto(
    Guid Id,
    int Version,
    MatchParameterState State,
    DateTime LearnedAtUtc,
    string? LearnedBy,
    int Children,
    long CandidatePairs,
    long RandomPairs,
    int Iterations,
    double PriorMatchShare,
    DateTime? ActivatedAtUtc,
    string? ActivatedBy,
    DateTime? RetiredAtUtc,
    DateTime? DiscardedAtUtc,
    string? DiscardedBy,
    IReadOnlyList<LevelWeight> Levels);

/// <summary>A re-estimation run: when it started and how it stands.</summary>
public sealed record EstimationRunDto(DateTime StartedAtUtc, DateTime? FinishedAtUtc, JobOutcome Outcome);

internal sealed class GetMatchParametersHandler(IApplicationDbContext db, IOptions<MatchingSettings> settings, IJobScheduler scheduler, IUserDirectory users, ChildMatcher matcher)
    : IRequestHandler<GetMatchParameters, MatchParametersOverview>
{
    public async Task<MatchParametersOverview> Handle(GetMatchParameters request, CancellationToken cancellationToken)
    {
        var configured = settings.Value.ToOptions();
        var sets = await db.MatchParameterSets.AsNoTracking().OrderByDescending(s => s.Version).Take(20).ToListAsync(cancellationToken);
        var names = sets.Count == 0 ? [] : await users.DisplayNamesAsync(cancellationToken);
        string? Name(Guid? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        var history = sets.Select(s => new MatchParameterSetDto(
            s.Id, s.Version, s.State, s.LearnedAtUtc, Name(s.LearnedByUserId), s.Children, s.CandidatePairs, s.RandomPairs, s.Iterations, s.PriorMatchShare,
            s.ActivatedAtUtc, Name(s.ActivatedByUserId), s.RetiredAtUtc, s.DiscardedAtUtc, Name(s.DiscardedByUserId),
            MatchParameterTable.Levels(MatchParameterTable.Apply(configured, s.Weights)))).ToList();

        var thresholds = new MatchThresholds(
            configured.UpperThreshold,
            configured.LowerThreshold,
            MatchProbability.ProbabilityOf(configured.UpperThreshold, configured),
            MatchProbability.ProbabilityOf(configured.LowerThreshold, configured),
            configured.ReferencePopulation);
        var lastRun = await LastRunAsync(JobNames.MatchingWeights, cancellationToken);
        var keys = new MatchKeysStatus(MatchBlocking.KeySchemeVersion, await matcher.StaleChildren().CountAsync(cancellationToken), await LastRunAsync(JobNames.MatchKeys, cancellationToken));
        return new MatchParametersOverview(
            history.FirstOrDefault(s => s.State == MatchParameterState.Active),
            history.FirstOrDefault(s => s.State == MatchParameterState.Proposed),
            history,
            MatchParameterTable.Levels(configured),
            thresholds,
            await db.Children.CountAsync(c => c.MergedIntoChildId == null, cancellationToken),
            WeightEstimator.SmallestBatchToLearnFrom,
            scheduler.IsRunning,
            lastRun,
            keys);
    }

    private Task<EstimationRunDto?> LastRunAsync(string jobName, CancellationToken cancellationToken) => db.JobRuns.AsNoTracking()
        .Where(r => r.JobName == jobName)
        .OrderByDescending(r => r.StartedAtUtc)
        .Select(r => new EstimationRunDto(r.StartedAtUtc, r.FinishedAtUtc, r.Outcome))
        .FirstOrDefaultAsync(cancellationToken);
}
