using CaseManagement.Application.Records.Retention.Commands.ConfirmDestruction;
using CaseManagement.Application.Records.Retention.Commands.HoldRecord;
using CaseManagement.Application.Records.Retention.Commands.SetRetentionRule;
using CaseManagement.Application.Records.Retention.Queries.GetRetentionRules;
using CaseManagement.Application.Records.Retention.Queries.ListRecordsPastRetention;
using CaseManagement.Domain.Records;

namespace CaseManagement.Web.Api;

/// <summary>The retention schedule and the team managers' review of records past their date (issue 20).</summary>
[Route("api/v1")]
public sealed class RetentionController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The retention schedule in force: how long each kind of record is kept. For administrators.</summary>
    [HttpGet("admin/retention-rules")]
    public Task<IReadOnlyList<RetentionRuleDto>> Rules(CancellationToken cancellationToken) => Mediator.Send(new GetRetentionRules(), cancellationToken);

    /// <summary>Sets how long one kind of record is kept. For administrators.</summary>
    [HttpPut("admin/retention-rules/{kind}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> SetRule(RetentionKind kind, RetentionRuleRequest? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new SetRetentionRule(kind, request?.YearsAfter, request?.UntilAge), cancellationToken);
    }

    /// <summary>The team's records past their retention date, waiting for a decision or held. For team managers.</summary>
    [HttpGet("team/retention")]
    public Task<IReadOnlyList<RetentionReviewDto>> Queue(CancellationToken cancellationToken) => Mediator.Send(new ListRecordsPastRetention(), cancellationToken);

    /// <summary>Confirms the destruction of a record past its retention date: its personal data and documents are removed at once.</summary>
    [HttpPost("team/retention/destroy")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Destroy(RetentionDecisionRequest? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new ConfirmDestruction(request?.ReviewId ?? Guid.Empty), cancellationToken);
    }

    /// <summary>Keeps a record past its retention date, with the reason.</summary>
    [HttpPost("team/retention/hold")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Hold(RetentionDecisionRequest? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new HoldRecord(request?.ReviewId ?? Guid.Empty, request?.Reason), cancellationToken);
    }
}

/// <summary>How long a kind of record is kept.</summary>
/// <param name="YearsAfter">Years kept after the record ended (0 to 100).</param>
/// <param name="UntilAge">Kept at least until the child's birthday of this age; null for none.</param>
public sealed record RetentionRuleRequest(int? YearsAfter, int? UntilAge);

/// <summary>A team manager's decision on a record past its retention date.</summary>
/// <param name="ReviewId">The review, from GET /api/v1/team/retention.</param>
/// <param name="Reason">Why the record is kept (for a hold).</param>
public sealed record RetentionDecisionRequest(Guid? ReviewId, string? Reason);
