using CaseManagement.Application.Records.Rights.Commands.ChangeProcessing;
using CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;

namespace CaseManagement.Web.Api;

/// <summary>A child's rights over their record: correcting it, and restricting its processing (issue 20).</summary>
[Route("api/v1/children/{id:guid}")]
public sealed class ChildRightsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>
    /// Corrects the child's details, with the reason; both are kept in the audit trail. Send <c>evidence</c> to correct
    /// the rest of what matching compares as well (it replaces what is held; a field left out or blank is removed);
    /// leave it out to keep that evidence as held. The child's matching keys are written again at once, so the next
    /// referral finds the child by the corrected details. The same correction sent again changes and records nothing.
    /// </summary>
    [HttpPost("rectification")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Correct(Guid id, ChildCorrection? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new CorrectChildDetails(id, request?.GivenName, request?.FamilyName, request?.PreferredName, request?.DateOfBirth, request?.Postcode, request?.Reason, request?.Evidence), cancellationToken);
    }

    /// <summary>Restricts processing: the record is kept and read, but nothing about the child is added or changed until lifted.</summary>
    [HttpPost("restriction")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Restrict(Guid id, ReasonGiven? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new ChangeProcessing(id, true, request?.Reason), cancellationToken);
    }

    /// <summary>Lifts the restriction of processing, with the reason.</summary>
    [HttpPost("restriction/lift")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Lift(Guid id, ReasonGiven? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new ChangeProcessing(id, false, request?.Reason), cancellationToken);
    }
}

/// <summary>The child's corrected details and why they were wrong.</summary>
/// <param name="GivenName">The given name.</param>
/// <param name="FamilyName">The family name.</param>
/// <param name="PreferredName">The name the child goes by, if different.</param>
/// <param name="DateOfBirth">The date of birth (yyyy-MM-dd).</param>
/// <param name="Postcode">The postcode, if known.</param>
/// <param name="Reason">Why the details are corrected, and on whose word.</param>
/// <param name="Evidence">The rest of the evidence matching compares, as it should be held; leave it out to keep it as held.</param>
public sealed record ChildCorrection(string? GivenName, string? FamilyName, string? PreferredName, DateOnly? DateOfBirth, string? Postcode, string? Reason, ChildEvidenceCorrection? Evidence = null);

/// <summary>A reason for a step on a child's record.</summary>
/// <param name="Reason">The reason.</param>
public sealed record ReasonGiven(string? Reason);
