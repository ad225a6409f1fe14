using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.ExportAudit;
using CaseManagement.Application.Audit.Queries.SearchAudit;
using CaseManagement.Application.Audit.Queries.VerifyAudit;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Api;

/// <summary>The audit trail, for auditors.</summary>
[Route("api/v1/audit")]
public sealed class AuditController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>
    /// Audit entries, newest first, filtered by child, user, dates (inclusive) and action. Each entry names every changed
    /// field; the values of a child's record read "(withheld)" and those fields are listed in <c>withheldFields</c>.
    /// </summary>
    [HttpGet]
    public Task<PagedList<AuditEntryDto>> Search([FromQuery] Guid? childId, [FromQuery] Guid? userId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] AuditAction? action, [FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, CancellationToken cancellationToken = default) =>
        Mediator.Send(new SearchAudit(new AuditFilter(childId, userId, from, to, action), page, pageSize), cancellationToken);

    /// <summary>The matching entries, oldest first, as CSV (UTF-8).</summary>
    [HttpGet("export")]
    [Produces("text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<IActionResult> Export([FromQuery] Guid? childId, [FromQuery] Guid? userId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] AuditAction? action, CancellationToken cancellationToken)
    {
        var rows = await Mediator.Send(new ExportAudit(new AuditFilter(childId, userId, from, to, action)), cancellationToken);
        return AuditCsv.Write(rows, "audit-trail.csv");
    }

    /// <summary>
    /// Checks the keyed hash chain and the latest checkpoint: whether any entry was altered, removed or rewritten without
    /// the key. An intact trail's end is recorded as a signed checkpoint, returned in <c>checkpoint</c>.
    /// </summary>
    [HttpGet("verify")]
    public Task<AuditVerification> Verify(CancellationToken cancellationToken) => Mediator.Send(new VerifyAudit(), cancellationToken);
}
