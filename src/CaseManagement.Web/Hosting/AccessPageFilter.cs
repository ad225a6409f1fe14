using CaseManagement.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Maps the Application layer's refusals onto pages: a missing record is the 404 page, a refused role the 403 page,
/// a signed-out user the sign-in page, and another team's record the break-glass page.
/// </summary>
public sealed class AccessPageFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Exception)
        {
            case NotFoundException:
                context.Result = new NotFoundResult();
                context.ExceptionHandled = true;
                break;
            case ForbiddenAccessException:
                context.Result = new ForbidResult();
                context.ExceptionHandled = true;
                break;
            case UnauthorizedAccessException:
                context.Result = new ChallengeResult();
                context.ExceptionHandled = true;
                break;
            case BreakGlassRequiredException breakGlass:
                context.Result = new RedirectToPageResult("/Referrals/BreakGlass", new { id = breakGlass.ReferralId });
                context.ExceptionHandled = true;
                break;
        }
    }
}
