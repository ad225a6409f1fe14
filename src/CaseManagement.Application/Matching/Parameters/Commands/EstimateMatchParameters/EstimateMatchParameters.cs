using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Matching;

namespace CaseManagement.Application.Matching.Parameters.Commands.EstimateMatchParameters;

/// <summary>
/// The re-estimation job's work: learns the m/u table from every child in the register (<see cref="WeightEstimator"/>)
/// and stores it as a proposed set, replacing any proposal not yet decided. Nothing changes at intake until an
/// administrator activates it. Too few children: nothing is stored and the weights in use stay.
/// </summary>
/// <param name="RequestedBy">The administrator who asked (kept with the set as the one who estimated it).</param>
[Authorize(Roles.System)]
public sealed record EstimateMatchParameters(Guid? RequestedBy) : IRequest<JobSummary>;

internal sealed class EstimateMatchParametersHandler(IApplicationDbContext db, ActiveMatchParameters active, TimeProvider clock)
    : IRequestHandler<EstimateMatchParameters, JobSummary>
{
    public async Task<JobSummary> Handle(EstimateMatchParameters request, CancellationToken cancellationToken)
    {
        // The register's children, as the candidate index sees them (ChildMatcher.RecordOf); merged records are their target's.
        var children = await db.Children.AsNoTracking().Where(c => c.MergedIntoChildId == null).ToListAsync(cancellationToken);
        if (children.Count < WeightEstimator.SmallestBatchToLearnFrom)
        {
            return JobSummary.Of(JobSummary.WeightsTooFewChildren, children.Count, WeightEstimator.SmallestBatchToLearnFrom);
        }

        // Expectation maximisation starts from the weights in use; a level the register never shows keeps its weight.
        var start = await active.GetAsync(db, cancellationToken);
        var estimate = WeightEstimator.Estimate([.. children.Select(ChildMatcher.RecordOf)], start);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var waiting in await db.MatchParameterSets.Where(s => s.State == MatchParameterState.Proposed).ToListAsync(cancellationToken))
        {
            waiting.Discard(now, request.RequestedBy);
        }

        var version = (await db.MatchParameterSets.MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0) + 1;
        var set = new MatchParameterSet(version, MatchParameterTable.ToJson(estimate.Options), now, request.RequestedBy, children.Count, estimate.CandidatePairs, estimate.RandomPairs, estimate.Iterations, estimate.MatchShare);
        db.MatchParameterSets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return JobSummary.Of(JobSummary.WeightsProposed, version, children.Count, estimate.CandidatePairs);
    }
}
