using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseManagement.Web.Api;

/// <summary>
/// The API's response metadata in one place, instead of a stack of [ProducesResponseType] on every action. Any action
/// may answer with a problem document: 400 with the fields' messages, 401, 403, 404 and 422 (a domain rule). An action
/// that returns its answer answers 200 with it; one that answers otherwise (201, 202, 204, a file) says so with its
/// own [ProducesResponseType]. Problems are declared as <c>application/problem+json</c>, which is what they are sent
/// as, and an action under a rate limit also answers 429.
/// </summary>
public sealed class ApiResponsesConvention : IActionModelConvention
{
    public const string ProblemJson = "application/problem+json";

    private static readonly int[] Problems =
        [StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity];

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Controller.ControllerType.Namespace != typeof(ApiResponsesConvention).Namespace)
        {
            return;
        }

        action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, ProblemJson));
        var limited = action.Attributes.OfType<EnableRateLimitingAttribute>().Any() || action.Controller.Attributes.OfType<EnableRateLimitingAttribute>().Any();
        foreach (var status in limited ? [.. Problems, StatusCodes.Status429TooManyRequests] : Problems)
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), status, ProblemJson));
        }

        if (Answer(action.ActionMethod.ReturnType) is { } answer && !action.Attributes.OfType<ProducesResponseTypeAttribute>().Any(p => p.StatusCode is >= 200 and < 300))
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(answer, StatusCodes.Status200OK));
        }
    }

    /// <summary>The type an action answers with, when it returns it itself rather than an <see cref="IActionResult"/>.</summary>
    private static Type? Answer(Type returns)
    {
        var type = returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returns.GetGenericArguments()[0]
            : returns;
        return type == typeof(void) || type == typeof(Task) || typeof(IActionResult).IsAssignableFrom(type) || typeof(IConvertToActionResult).IsAssignableFrom(type)
            ? null
            : type;
    }
}
