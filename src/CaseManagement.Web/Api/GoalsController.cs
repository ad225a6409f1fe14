using CaseManagement.Application.Cases.Commands.UpdateGoal;
using CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;

namespace CaseManagement.Web.Api;

/// <summary>
/// A goal of a case, by its own id. These routes replace <c>/api/v1/cases/goals/{goalId}</c>, which a path like
/// <c>/api/v1/cases/{caseId}/...</c> could also match (docs/decisions/0065); the old routes answer until their sunset.
/// </summary>
[Route("api/v1/goals")]
public sealed class GoalsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Changes a goal and records its progress (0 to 10) and status.</summary>
    [HttpPut("{goalId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Update(Guid goalId, GoalUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new UpdateGoal(goalId, request.Description, request.Owner, request.OwnerAgency, request.TargetDate, request.Progress, request.Status), cancellationToken);
    }

    /// <summary>Says which assessed needs a goal answers.</summary>
    [HttpPut("{goalId:guid}/needs")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Needs(Guid goalId, NeedsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await NoContentAsync(new SetGoalNeeds(goalId, request.Needs), cancellationToken);
    }
}
