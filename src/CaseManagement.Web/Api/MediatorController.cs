using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Api;

/// <summary>
/// An API controller of the house: thin, as a page is (<see cref="Pages.AppPageModel"/>), it sends one request through
/// the mediator and answers with what the request gives. A refusal (a field's rule, a domain rule, no access) is thrown by
/// the request's pipeline and answered by the host as a problem document, the same for every controller.
/// </summary>
[ApiController]
[Authorize(Policy = HostSetup.ApiPolicy)]
public abstract class MediatorController(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator => mediator;

    /// <summary>200 with what the request found, or 404 (a problem document) when it finds nothing the caller may see.</summary>
    protected async Task<IActionResult> FoundAsync<T>(IRequest<T?> request, CancellationToken cancellationToken)
        where T : class =>
        await mediator.Send(request, cancellationToken) is { } found ? Ok(found) : NotFound();

    /// <summary>201 with the id of the record the request made.</summary>
    protected async Task<IActionResult> CreatedAsync(IRequest<Guid> request, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, new CreatedResponse(await mediator.Send(request, cancellationToken)));

    /// <summary>204 once the request has done its work.</summary>
    protected async Task<IActionResult> NoContentAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await mediator.Send(request, cancellationToken);
        return NoContent();
    }
}
