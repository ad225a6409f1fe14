using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages;

/// <summary>The styled 400, 403, 404, 421 (plain HTTP in Production), 429 and 500 pages; any other status shows the 500 wording.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Kind { get; private set; } = "500";

    public string? CorrelationId { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Kind = status switch
        {
            StatusCodes.Status400BadRequest => "400",
            StatusCodes.Status403Forbidden => "403",
            StatusCodes.Status404NotFound => "404",
            StatusCodes.Status421MisdirectedRequest => "421",
            StatusCodes.Status429TooManyRequests => "429",
            _ => "500",
        };
        CorrelationId = CorrelationIdMiddleware.Get(HttpContext);

        // Re-executed from a failed request the status is already set; asked for directly it must be set here.
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = Kind == "500" ? StatusCodes.Status500InternalServerError : status;
        }
    }
}
