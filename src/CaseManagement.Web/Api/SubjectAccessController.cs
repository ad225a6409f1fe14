using CaseManagement.Application.Records.SubjectAccess.Commands.MarkRedactions;
using CaseManagement.Application.Records.SubjectAccess.Commands.ReceiveSubjectAccessRequest;
using CaseManagement.Application.Records.SubjectAccess.Commands.ReleaseSubjectAccess;
using CaseManagement.Application.Records.SubjectAccess.Queries.ExportSubjectAccess;
using CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;

namespace CaseManagement.Web.Api;

/// <summary>Subject access requests: a child's right to everything held about them (issue 20).</summary>
[Route("api/v1/subject-access")]
public sealed class SubjectAccessController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>The requests with their one-month deadlines, open ones first. Administrators see every team's; team managers their own.</summary>
    [HttpGet]
    public Task<IReadOnlyList<SubjectAccessRequestDto>> List(CancellationToken cancellationToken) => Mediator.Send(new ListSubjectAccessRequests(), cancellationToken);

    /// <summary>Records a request received for one of the team's children; the answer is due one month after receipt.</summary>
    [HttpPost]
    [ProducesResponseType<SubjectAccessCreated>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Receive(SubjectAccessReceived? request, CancellationToken cancellationToken)
    {
        var id = await Mediator.Send(new ReceiveSubjectAccessRequest(request?.ChildId ?? Guid.Empty, request?.ReceivedOn), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, new SubjectAccessCreated(id));
    }

    /// <summary>Marks the words to redact before release (other people's information), one a line.</summary>
    [HttpPut("redactions")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Redactions(SubjectAccessRedactions? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new MarkRedactions(request?.RequestId ?? Guid.Empty, request?.Words), cancellationToken);
    }

    /// <summary>Everything held about the child as one ZIP: record.txt (in the child's language), record.json and the documents, redacted.</summary>
    [HttpGet("export")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/zip")]
    public async Task<IActionResult> Export([FromQuery] Guid requestId, CancellationToken cancellationToken)
    {
        var export = await Mediator.Send(new ExportSubjectAccess(requestId), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(export.Zip, "application/zip", export.FileName);
    }

    /// <summary>Records that the export was released; the request is answered.</summary>
    [HttpPost("release")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Release(SubjectAccessRedactions? request, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new ReleaseSubjectAccess(request?.RequestId ?? Guid.Empty), cancellationToken);
    }
}

/// <summary>A subject access request received.</summary>
/// <param name="ChildId">The child it is about.</param>
/// <param name="ReceivedOn">The day it was received; today when not given.</param>
public sealed record SubjectAccessReceived(Guid? ChildId, DateOnly? ReceivedOn);

/// <summary>The request recorded.</summary>
/// <param name="Id">The request's id.</param>
public sealed record SubjectAccessCreated(Guid Id);

/// <summary>A step on a subject access request.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Words">For redactions: the words to redact, one a line.</param>
public sealed record SubjectAccessRedactions(Guid? RequestId, string? Words);
