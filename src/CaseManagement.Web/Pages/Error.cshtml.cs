using System.Globalization;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages;

/// <summary>
/// The styled 400, 403, 404, 421 (plain HTTP in Production), 429, 500 and 503 (the database too busy, decision 0074)
/// pages; any other status shows the 500 wording.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Kind { get; private set; } = "500";

    public string? CorrelationId { get; private set; }

    /// <summary>The request that failed sent a form: the busy page says that what it sent was not saved.</summary>
    public bool FormWasSent { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // Re-executed from a failed request the status is already set (503 by ApiExceptionHandler for a database too
        // busy, whatever the error path says); asked for directly it must be set here.
        var status = Response.StatusCode == StatusCodes.Status200OK ? code ?? StatusCodes.Status500InternalServerError : Response.StatusCode;
        Kind = status switch
        {
            StatusCodes.Status400BadRequest => "400",
            StatusCodes.Status403Forbidden => "403",
            StatusCodes.Status404NotFound => "404",
            StatusCodes.Status421MisdirectedRequest => "421",
            StatusCodes.Status429TooManyRequests => "429",
            StatusCodes.Status503ServiceUnavailable => "503",
            _ => "500",
        };
        CorrelationId = CorrelationIdMiddleware.Get(HttpContext);
        FormWasSent = HttpMethods.IsPost(Request.Method);

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Kind == "500" ? StatusCodes.Status500InternalServerError : status;
        }

        if (Kind == "503")
        {
            Response.Headers.RetryAfter = DatabaseOverload.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
