using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Marks an API route that is kept working only until its sunset (the versioning policy in docs/api.md): every answer
/// carries a <c>Deprecation</c> header (RFC 9745, the date it was deprecated) and a <c>Sunset</c> header (RFC 8594,
/// the date it stops), so a partner's client can notice before it breaks. Pair it with <see cref="ObsoleteAttribute"/>,
/// which marks the operation <c>deprecated</c> in the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DeprecatedRouteAttribute(string deprecatedOn, string sunsetOn) : Attribute, IResultFilter
{
    /// <summary>The day the route was deprecated (yyyy-MM-dd, UTC).</summary>
    public string DeprecatedOn { get; } = deprecatedOn;

    /// <summary>The day the route stops answering (yyyy-MM-dd, UTC), at least 6 months after <see cref="DeprecatedOn"/>.</summary>
    public string SunsetOn { get; } = sunsetOn;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.HttpContext.Response.Headers;
        headers["Deprecation"] = $"@{Day(DeprecatedOn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        headers["Sunset"] = Day(SunsetOn).ToString("r", CultureInfo.InvariantCulture);
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static DateTimeOffset Day(string day) =>
        new(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
