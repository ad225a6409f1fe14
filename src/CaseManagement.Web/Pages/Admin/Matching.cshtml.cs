using System.Globalization;
using CaseManagement.Application.Matching.Parameters;
using CaseManagement.Application.Matching.Parameters.Commands.ActivateMatchParameters;
using CaseManagement.Application.Matching.Parameters.Commands.DiscardMatchParameters;
using CaseManagement.Application.Matching.Parameters.Commands.StartMatchEstimation;
using CaseManagement.Application.Matching.Parameters.Queries.GetMatchParameters;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>
/// The matching weights (docs/decisions/0066): the thresholds as probabilities, the weights in use, a proposal learned
/// from the register beside them to activate or discard, every version, and the button that learns them again.
/// </summary>
public sealed class MatchingModel(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>What was just done, for the banner: started, activated or discarded.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public MatchParametersOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await Mediator.Send(new GetMatchParameters(), cancellationToken);

    public Task<IActionResult> OnPostEstimateAsync(CancellationToken cancellationToken) =>
        SendAsync(new StartMatchEstimation(), "started", cancellationToken);

    // A form without a set (nothing was chosen) changes nothing: back to the page.
    public async Task<IActionResult> OnPostActivateAsync(Guid? setId, CancellationToken cancellationToken) =>
        setId is { } id ? await SendAsync(new ActivateMatchParameters(id), "activated", cancellationToken) : RedirectToPage();

    public async Task<IActionResult> OnPostDiscardAsync(Guid? setId, CancellationToken cancellationToken) =>
        setId is { } id ? await SendAsync(new DiscardMatchParameters(id), "discarded", cancellationToken) : RedirectToPage();

    /// <summary>"1 in N": one decimal below ten, whole numbers above.</summary>
    public static string OneIn(double share)
    {
        var n = 1 / share;
        return n < 10 ? n.ToString("0.#", CultureInfo.CurrentCulture) : Math.Round(n).ToString("N0", CultureInfo.CurrentCulture);
    }

    /// <summary>A weight with its sign, one decimal: +11.7, −4.1.</summary>
    public static string Weight(double weight) =>
        (weight >= 0 ? "+" : "\u2212") + Math.Abs(weight).ToString("0.0", CultureInfo.CurrentCulture);

    public static string Score(double weight) => weight.ToString("0.##", CultureInfo.CurrentCulture);

    private async Task<IActionResult> SendAsync<T>(IRequest<T> request, string done, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(request, cancellationToken);
        if (ok)
        {
            return RedirectToPage(new { done });
        }

        Done = null;
        Overview = await Mediator.Send(new GetMatchParameters(), cancellationToken);
        return Page();
    }
}
