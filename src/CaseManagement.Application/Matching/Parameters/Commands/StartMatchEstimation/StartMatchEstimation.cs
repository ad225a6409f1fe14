using CaseManagement.Application.Jobs;

namespace CaseManagement.Application.Matching.Parameters.Commands.StartMatchEstimation;

/// <summary>
/// Starts a re-estimation of the matching weights from the register, as a background job (it reads every child and
/// takes from seconds to minutes): the job stores a proposed set for an administrator to activate or discard.
/// </summary>
[Authorize(Roles.Administrator)]
public sealed record StartMatchEstimation : IRequest<Unit>;

internal sealed class StartMatchEstimationHandler(IApplicationDbContext db, IJobScheduler scheduler, ICurrentUser user) : IRequestHandler<StartMatchEstimation, Unit>
{
    public async Task<Unit> Handle(StartMatchEstimation request, CancellationToken cancellationToken)
    {
        var children = await db.Children.CountAsync(c => c.MergedIntoChildId == null, cancellationToken);
        if (children < WeightEstimator.SmallestBatchToLearnFrom)
        {
            throw new DomainRuleException(TooFewChildren);
        }

        if (!scheduler.IsRunning)
        {
            throw new DomainRuleException("The scheduler is turned off on this server, so jobs cannot be run from here.");
        }

        await scheduler.TriggerNowAsync(JobNames.MatchingWeights, user.UserId, cancellationToken);
        return Unit.Value;
    }

    internal const string TooFewChildren = "There are too few children in the register to learn weights from. The weights in use stay.";
}
