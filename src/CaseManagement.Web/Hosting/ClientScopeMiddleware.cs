using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity.TokenServer;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// A partner system's client-credentials token opens only the API endpoints its scopes name (docs/decisions/0044); its
/// role then decides as for anyone. An endpoint not in <see cref="Required"/> is closed to every client, so a new
/// endpoint is never opened to partner systems by accident. A person's token carries no scope and is not affected.
/// </summary>
public sealed class ClientScopeMiddleware(RequestDelegate next)
{
    /// <summary>The scope each endpoint open to clients needs, keyed "METHOD route-template" as the access matrix is.</summary>
    public static readonly IReadOnlyDictionary<string, string> Required = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST api/v1/referrals"] = Scopes.ReferralsSubmit,
        ["GET api/v1/referrals"] = Scopes.ReferralsRead,
        ["GET api/v1/referrals/{id:guid}"] = Scopes.ReferralsRead,
        // A partner attaches documents only to a referral it sent (the handler checks that it sent it).
        ["POST api/v1/referrals/{referralId:guid}/documents"] = Scopes.ReferralsSubmit,
        // The decisions on the partner's own referrals, nothing more about the child (decision 0047).
        ["GET api/v1/partner/referral-changes"] = Scopes.ReferralsRead,
        // The partner's own webhook subscriptions (decision 0064).
        ["GET api/v1/partner/webhooks"] = Scopes.WebhooksManage,
        ["POST api/v1/partner/webhooks"] = Scopes.WebhooksManage,
        ["DELETE api/v1/partner/webhooks/{id:guid}"] = Scopes.WebhooksManage,
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;

        // What anyone may call (health, the token endpoint) is not narrowed by a token sent with it.
        if (user.FindFirstValue(PartnerTokens.ClientIdClaim) is null || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return next(context);
        }

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var scope = template is not null && Required.TryGetValue($"{context.Request.Method} {template}", out var needed) ? needed : null;
        if (scope is not null && user.HasClaim(PartnerTokens.ScopeClaim, scope))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = scope is null
            ? "Bearer error=\"insufficient_scope\""
            : $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Type = "https://casemanagement.example/problems/insufficient-scope",
                Title = "The client's token does not allow this.",
                Detail = scope is null ? "No scope opens this endpoint to partner systems." : $"This needs the scope {scope}: ask an administrator to give it to the client, then ask for a new token.",
            },
        }).AsTask();
    }
}
