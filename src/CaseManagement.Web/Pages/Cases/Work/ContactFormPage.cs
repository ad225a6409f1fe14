using System.Globalization;
using CaseManagement.Application.Work.Contacts.Queries;
using CaseManagement.Application.Work.Contacts.Queries.GetContactForm;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One professional of another agency on the contact form.</summary>
public sealed class ProfessionalInput
{
    public string? Name { get; set; }

    public string? Agency { get; set; }
}

/// <summary>
/// The contact form, shared by recording a contact and correcting one: the fields as typed, and turning them into the
/// request's values (a time typed as 14:30 or 2:30pm, a length in minutes), each problem against its field.
/// </summary>
public abstract class ContactFormPage(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>Rows offered for professionals: most contacts have none, few more than two.</summary>
    public const int ProfessionalRows = 3;

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "h:mmtt", "h.mmtt", "htt", "HHmm"];

    public ContactFormDto Form { get; protected set; } = null!;

    [BindProperty] public DateInput Day { get; set; } = DateInput.Empty;

    [BindProperty] public string? Time { get; set; }

    [BindProperty] public string? LengthMinutes { get; set; }

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public string? Place { get; set; }

    [BindProperty] public bool ChildTookPart { get; set; }

    [BindProperty] public string? ParentsOrCarers { get; set; }

    [BindProperty] public IList<ProfessionalInput> Professionals { get; set; } = [];

    [BindProperty] public IList<Guid> WorkerIds { get; set; } = [];

    [BindProperty] public IList<Guid> GoalIds { get; set; } = [];

    [BindProperty] public IList<Guid> InterventionIds { get; set; } = [];

    [BindProperty] public string? Summary { get; set; }

    [BindProperty] public string? SensitiveNotes { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    [BindProperty] public string? CancelledBy { get; set; }

    [BindProperty] public string? CancelReason { get; set; }

    [BindProperty] public DateInput NewDay { get; set; } = DateInput.Empty;

    [BindProperty] public string? NewTime { get; set; }

    /// <summary>The professionals' rows to draw: those typed, then empty ones up to <see cref="ProfessionalRows"/>.</summary>
    public IReadOnlyList<ProfessionalInput> ProfessionalRowsToDraw =>
        [.. Professionals, .. Enumerable.Range(0, Math.Max(0, ProfessionalRows - Professionals.Count)).Select(_ => new ProfessionalInput())];

    /// <summary>The interventions offered: those planned or started, and any the contact already served.</summary>
    public virtual IReadOnlyList<ContactInterventionDto> InterventionChoices => Form.Interventions;

    /// <summary>An intervention as a checkbox: its kind in the page's language and its provider.</summary>
    public IReadOnlyList<Partials.RadioOption> InterventionOptions =>
        InterventionChoices.Select(i => new Partials.RadioOption(i.Id.ToString(), Label(i))).ToList();

    public static string Label(ContactInterventionDto intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var kind = Partials.WorkText.KindName(intervention.KindEnglish, intervention.KindWelsh);
        return intervention.Provider is null ? kind : $"{kind} ({intervention.Provider})";
    }

    protected DateOnly? DayValue => DateOf(nameof(Day), Day, "The date must be a real date, like 27 3 2026.");

    protected TimeOnly? TimeValue => TimeOf(nameof(Time), Time, "The time must be a real time, like 14:30.");

    protected DateOnly? NewDayValue => DateOf(nameof(NewDay), NewDay, "The new date must be a real date, like 27 3 2026.");

    protected TimeOnly? NewTimeValue => TimeOf(nameof(NewTime), NewTime, "The new time must be a real time, like 14:30.");

    protected int? LengthValue
    {
        get
        {
            if (string.IsNullOrWhiteSpace(LengthMinutes))
            {
                return null;
            }

            if (int.TryParse(LengthMinutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                return minutes;
            }

            ModelState.AddModelError(nameof(LengthMinutes), Text["The length must be a whole number of minutes from 1 to 720."]);
            return null;
        }
    }

    protected IReadOnlyList<ContactProfessional> ProfessionalsValue =>
        Professionals.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Agency))
            .Select(p => new ContactProfessional(p.Name?.Trim() ?? string.Empty, p.Agency?.Trim() ?? string.Empty)).ToList();

    private IStringLocalizer Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A new contact: now, rounded down to the quarter hour (on a clock in Wales), an hour long, with the child, by the person recording.</summary>
    protected void OfferDefaults(DateTime nowUtc)
    {
        var now = Partials.Display.UkLocal(nowUtc);
        var rounded = now.AddMinutes(-(now.Minute % 15)).AddSeconds(-now.Second);
        Day = new DateInput(rounded.Day.ToString(CultureInfo.InvariantCulture), rounded.Month.ToString(CultureInfo.InvariantCulture), rounded.Year.ToString(CultureInfo.InvariantCulture));
        Time = rounded.ToString("HH:mm", CultureInfo.InvariantCulture);
        LengthMinutes = "60";
        ChildTookPart = true;
        Outcome = nameof(ContactOutcome.Attended);
        WorkerIds = Form.RecorderId is { } me ? [me] : [];
    }

    private TimeOnly? TimeOf(string field, string? text, string error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var typed = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (TimeOnly.TryParseExact(typed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        ModelState.AddModelError(field, Text[error]);
        return null;
    }
}
