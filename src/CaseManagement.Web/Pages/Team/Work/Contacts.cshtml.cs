using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard.Queries.ListTeamContacts;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The contacts an attendance figure counts (attended, or did not attend), a page at a time, and as CSV.</summary>
public sealed class ContactsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : TeamWorkListPage<TeamContactDto>(mediator, text)
{
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }

    [FromQuery(Name = "manager")] public Guid? Manager { get; set; }

    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    public ContactOutcome Chosen => FormChoices.Choice<ContactOutcome>(Outcome, ignoreCase: true) is ContactOutcome.Attended ? ContactOutcome.Attended : ContactOutcome.DidNotAttend;

    public override string Back
    {
        get
        {
            var (from, to) = Period();
            return WorkPage($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        }
    }

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

    protected override IRequest<PagedList<TeamContactDto>> Query(int page, bool everyRow)
    {
        var (from, to) = Period();
        return new ListTeamContacts(Chosen, from, to, Manager, page, Paging.DefaultPageSize, everyRow);
    }

    protected override FileContentResult Csv(IReadOnlyList<TeamContactDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"team-contacts-{Chosen.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.ContactDate"), say("TeamWork.ContactKind"), say("TeamWork.ContactOutcome")],
            rows.Select(r => new[] { r.ChildName, CsvFile.D(CsvFile.UkDate(r.StartsAtUtc)), say($"ContactKind.{r.Kind}"), say($"ContactOutcome.{r.Outcome}") }));
}
