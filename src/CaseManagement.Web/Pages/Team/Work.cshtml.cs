using CaseManagement.Web.Pages.Partials;
using System.Globalization;
using CaseManagement.Application.Dashboard.Queries.GetTeamWork;

namespace CaseManagement.Web.Pages.Team;

/// <summary>
/// The team's figures of the work with children: interventions by kind and provider, onward referrals waiting and
/// their median wait; each figure links to its list, and each table downloads as CSV.
/// </summary>
public sealed class WorkModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    /// <summary>The figures; null when the period is one the rules refuse (the error summary says why).</summary>
    public TeamWorkFiguresDto? Figures { get; private set; }

    /// <summary>The start of the period (yyyy-MM-dd); the last twelve months when none is given.</summary>
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    /// <summary>The period as a list's address keeps it.</summary>
    public string Period => $"from={Figures?.From:yyyy-MM-dd}&to={Figures?.To:yyyy-MM-dd}";

    public static bool InWelsh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await LoadAsync(cancellationToken);

    /// <summary>The interventions table as CSV.</summary>
    public async Task<IActionResult> OnGetInterventionsCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } f)
        {
            return Page();
        }

        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"team-interventions-{f.From:yyyy-MM-dd}-{f.To:yyyy-MM-dd}.csv",
            [T("TeamWork.Kind"), T("TeamWork.Provider"), T("TeamWork.Started"), T("TeamWork.Completed"), T("TeamWork.Stopped")],
            f.Interventions.Select(i => new[] { InWelsh ? i.KindWelsh : i.KindEnglish, i.Provider, CsvFile.N(i.Started), CsvFile.N(i.Completed), CsvFile.N(i.Stopped) }));
    }

    /// <summary>The onward referrals waiting, per service, as CSV.</summary>
    public async Task<IActionResult> OnGetOnwardCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } f)
        {
            return Page();
        }

        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"team-onward-referrals-waiting-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [T("TeamWork.Service"), T("TeamWork.Waiting"), T("TeamWork.MedianWait"), T("TeamWork.LongestWait")],
            f.OnwardWaiting.Select(o => new[] { T($"TeamWork.Service.{o.Service}"), CsvFile.N(o.Waiting), o.MedianDaysWaiting.ToString("0.#", CultureInfo.InvariantCulture), CsvFile.N(o.LongestDaysWaiting) }));
    }

    /// <summary>The address of the list behind one intervention figure.</summary>
    public string InterventionsHref(InterventionFiguresDto row, string measure)
    {
        ArgumentNullException.ThrowIfNull(row);
        var provider = row.ProviderAgencyId is { } agency ? $"providerAgency={agency}" : $"provider={Uri.EscapeDataString(row.Provider)}";
        return $"/team/work/interventions?measure={measure}&kind={row.KindId}&{provider}&{Period}";
    }

    /// <summary>The figures of the period; null, with the rule's words in the error summary, for a period the rules refuse.</summary>
    private async Task<TeamWorkFiguresDto?> LoadAsync(CancellationToken cancellationToken)
    {
        var (from, to) = Asked();
        return (await TrySendAsync(new GetTeamWork(from, to), cancellationToken)).Result;
    }

    /// <summary>The period the address asks for: the last twelve months to today when it names none.</summary>
    public (DateOnly From, DateOnly To) Asked()
    {
        var to = To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }
}
