using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard.Queries.ListTeamContacts;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Pages.Partials;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The contacts an attendance figure counts (attended, or did not attend), a page at a time, and as CSV.</summary>
public sealed class ContactsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public PagedList<TeamContactDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }

    [FromQuery(Name = "manager")] public Guid? Manager { get; set; }

    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    public ContactOutcome Chosen => FormChoices.Choice<ContactOutcome>(Outcome, ignoreCase: true) is ContactOutcome.Attended ? ContactOutcome.Attended : ContactOutcome.DidNotAttend;

    public (DateOnly From, DateOnly To) Period()
    {
        var to = To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }

    public string Link(string? handler = null)
    {
        var (from, to) = Period();
        return $"/team/work/contacts?outcome={Chosen}{(Manager is { } m ? $"&manager={m}" : "")}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{(handler is null ? "" : $"&handler={handler}")}";
    }

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage), export: false), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(Query(1, export: true), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"team-contacts-{Chosen.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [T("Referrals.Child"), T("TeamWork.ContactDate"), T("TeamWork.ContactKind"), T("TeamWork.ContactOutcome")],
            rows.Items.Select(r => new[] { r.ChildName, CsvFile.D(CsvFile.UkDate(r.StartsAtUtc)), T($"ContactKind.{r.Kind}"), T($"ContactOutcome.{r.Outcome}") }));
    }

    private ListTeamContacts Query(int page, bool export)
    {
        var (from, to) = Period();
        return new ListTeamContacts(Chosen, from, to, Manager, page, Paging.DefaultPageSize, export);
    }
}
