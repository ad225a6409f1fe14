using CaseManagement.Application.Assessments.Queries;
using CaseManagement.Application.Assessments.Queries.ExportAssessmentsAwaitingCountersignature;
using CaseManagement.Application.Assessments.Queries.ListAssessmentsAwaitingCountersignature;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard;
using CaseManagement.Web.Pages.Partials;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>The team's assessments waiting for countersignature, oldest first, very high ratings marked; as CSV too.</summary>
public sealed class AwaitingModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public PagedList<AwaitingCountersignatureDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(new ListAssessmentsAwaitingCountersignature(Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(new ExportAssessmentsAwaitingCountersignature(), cancellationToken);
        return CsvFile.Of(
            $"awaiting-countersignature-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [text["Referrals.Child"].Value, text["Assessment.Version"].Value, text["Team.SubmittedOn"].Value, text["Team.SubmittedBy"].Value, text["ConcernRating.VeryHigh"].Value],
            rows.Select(r => new[] { r.ChildName, CsvFile.N(r.Number), CsvFile.D(CsvFile.UkDate(r.SubmittedAtUtc)), r.SubmittedBy, r.VeryHigh ? text["Csv.Yes"].Value : text["Csv.No"].Value }));
    }
}
