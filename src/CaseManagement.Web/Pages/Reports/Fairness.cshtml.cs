using System.Globalization;
using CaseManagement.Application.Outcomes;
using CaseManagement.Application.Outcomes.Queries.GetFairnessReport;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The fairness view for a chosen period: counts by protected characteristic, small numbers suppressed, no lists.</summary>
public sealed class FairnessModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public FairnessReportDto? Report { get; private set; }

    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = DateInput.Empty;

    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = DateInput.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From.IsEmpty && To.IsEmpty)
        {
            (From, To) = ReportPeriod.LastQuarter(clock);
        }

        var from = DateOf(nameof(From), From, "The date must be a real date, like 27 3 2027.");
        var to = DateOf(nameof(To), To, "The date must be a real date, like 27 3 2027.");
        (_, Report) = await TrySendAsync(new GetFairnessReport(from, to), cancellationToken);
    }

    /// <summary>A group's name: an ethnicity, an answer, a sex, or "not recorded".</summary>
    public string GroupName(string characteristic, string group) => group == GetFairnessReportHandler.NotRecorded
        ? text["Fairness.NotRecorded"].Value
        : characteristic switch
        {
            "Ethnicity" => text[$"Ethnicity.{group}"].Value,
            "Sex" => text[$"Sex.{group}"].Value,
            _ => text[$"CharacteristicAnswer.{group}"].Value,
        };

    /// <summary>A column's name: a waiting band, received or not, or an outcome.</summary>
    public string ColumnName(string measure, string column) =>
        measure == "Outcome" ? text[$"LaterOffending.{column}"].Value : text[$"Fairness.{column}"].Value;

    /// <summary>A count as published: the number, or "fewer than 5".</summary>
    public string Shown(ShownCount count) =>
        count.Shown is { } value ? value.ToString(CultureInfo.CurrentCulture) : string.Format(CultureInfo.CurrentCulture, text["Report.FewerThan"], SmallNumbers.Threshold);
}
