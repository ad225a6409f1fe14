using System.Runtime.ExceptionServices;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// The error page drawn for a page whose database was too busy to answer: 503, Retry-After and the busy page's words
/// (decision 0074). It is drawn without asking the database anything, neither whether the sign-in still stands nor the
/// header's count of unread notifications: either would fail as the page did.
/// </summary>
public static class BusyPage
{
    private const string SignInUnchecked = "BusyPage.SignInUnchecked";

    /// <summary>The request is the error page's, drawn for a database too busy to answer.</summary>
    public static bool IsBeingDrawn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseOverload.IsOverload(error);
    }

    /// <summary>
    /// The sign-in cookie's check (the security stamp's, which reads the account): when the database is too busy for it,
    /// the sign-in is not taken and the overload is kept for <see cref="ThrowWhenSignInCouldNotBeChecked"/>. Thrown
    /// here, it would be kept with the authentication handler's answer, and thrown again while the busy page is drawn.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> WhenSignInCannotBeChecked(Func<CookieValidatePrincipalContext, Task> check) =>
        async context =>
        {
            try
            {
                await check(context);
            }
            catch (Exception e) when (DatabaseOverload.IsOverload(e))
            {
                context.RejectPrincipal();
                context.HttpContext.Items[SignInUnchecked] = ExceptionDispatchInfo.Capture(e);
            }
        };

    /// <summary>After authentication: a request whose sign-in could not be checked ends as the busy page, not signed out.</summary>
    public static Task ThrowWhenSignInCouldNotBeChecked(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!IsBeingDrawn(context) && context.Items[SignInUnchecked] is ExceptionDispatchInfo overload)
        {
            overload.Throw();
        }

        return next(context);
    }
}
