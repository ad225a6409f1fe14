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

    /// <summary>
    /// The figure asked for: did not attend when the address names none (the list's own address), the outcome it names
    /// otherwise (the query's rule refuses one that is not a figure); null for a word that is not an outcome.
    /// </summary>
    public ContactOutcome? Chosen => string.IsNullOrWhiteSpace(Outcome) ? ContactOutcome.DidNotAttend : FormChoices.Choice<ContactOutcome>(Outcome, ignoreCase: true);

    /// <summary>The outcomes the list's field offers: those the team's work page counts.</summary>
    public static IReadOnlyList<ContactOutcome> Figures { get; } = [ContactOutcome.Attended, ContactOutcome.DidNotAttend];

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
        return Address("/team/work/contacts", handler, [new("outcome", Chosen?.ToString()), new("manager", Manager?.ToString()), .. PeriodFilters(from, to)]);
    }

    /// <summary>A word in the address that is no outcome is said at the outcome's field, not read as "did not attend".</summary>
    protected override (string Field, string Message)? Unknown => Chosen is null ? ("outcome", "Choose attended or did not attend.") : null;

    protected override IRequest<PagedList<TeamContactDto>> Query(int page, bool everyRow)
    {
        var (from, to) = Period();
        return new ListTeamContacts(Chosen ?? ContactOutcome.DidNotAttend, from, to, Manager, page, Paging.DefaultPageSize, everyRow);
    }

    protected override FileContentResult Csv(IReadOnlyList<TeamContactDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"team-contacts-{Chosen?.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.ContactDate"), say("TeamWork.ContactKind"), say("TeamWork.ContactOutcome")],
            rows.Select(r => new[] { r.ChildName, CsvFile.D(CsvFile.UkDate(r.StartsAtUtc)), say($"ContactKind.{r.Kind}"), say($"ContactOutcome.{r.Outcome}") }));
}
