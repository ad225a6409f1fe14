using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Contacts.Commands.ChangeContact;
using CaseManagement.Application.Work.Contacts.Commands.RecordContactOutcome;
using CaseManagement.Application.Work.Contacts.Queries;
using CaseManagement.Application.Work.Contacts.Queries.GetContact;
using CaseManagement.Application.Work.Contacts.Queries.GetContactForm;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One contact: read by everyone on the case, corrected (and its outcome said) by whoever recorded it or the team.</summary>
public sealed class ContactModel(IMediator mediator) : ContactFormPage(mediator)
{
    public ContactDto Contact { get; private set; } = null!;

    [BindProperty] public int Revision { get; set; }

    /// <summary>The summary written with the outcome (a planned contact has none until it is held), apart from the correction form's.</summary>
    [BindProperty] public string? OutcomeSummary { get; set; }

    /// <summary>What was just done, for the notification banner.</summary>
    [FromQuery(Name = "done")] public string? Done { get; set; }

    /// <summary>The case's interventions planned or started, and those the contact served that have ended since.</summary>
    public override IReadOnlyList<ContactInterventionDto> InterventionChoices =>
        [.. Form.Interventions, .. Contact.Interventions.Where(i => Form.Interventions.All(f => f.Id != i.Id))];

    public async Task OnGetAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, contactId, cancellationToken);
        var c = Contact;
        var local = Partials.Display.UkLocal(c.StartsAtUtc);
        Day = new DateInput(local.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), local.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), local.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        LengthMinutes = c.LengthMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Kind = c.Kind.ToString();
        Place = c.Place;
        ChildTookPart = c.ChildTookPart;
        ParentsOrCarers = c.ParentsOrCarers;
        Professionals = c.Professionals.Select(p => new ProfessionalInput { Name = p.Name, Agency = p.Agency }).ToList();
        WorkerIds = c.Workers.Select(w => w.Id).ToList();
        GoalIds = c.Goals.Select(g => g.Id).ToList();
        InterventionIds = c.Interventions.Select(i => i.Id).ToList();
        Summary = c.Summary;
        OutcomeSummary = c.Summary;
        SensitiveNotes = c.SensitiveNotes;
        Outcome = c.Outcome.ToString();
        CancelledBy = c.CancelledBy?.ToString();
        CancelReason = c.CancelReason;
        Revision = c.Revision;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        var command = new ChangeContact(
            id, contactId, Revision, DayValue, TimeValue, LengthValue, FormChoices.Choice<ContactKind>(Kind), Place, ChildTookPart, ParentsOrCarers,
            ProfessionalsValue, [.. WorkerIds], [.. GoalIds], Summary, SensitiveNotes, [.. InterventionIds]);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Contact", new { id, contactId, done = "changed" });
        }

        await LoadAsync(id, contactId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        var command = new RecordContactOutcome(
            id, contactId, Revision, FormChoices.Choice<ContactOutcome>(Outcome), FormChoices.Choice<ContactCancelledBy>(CancelledBy), CancelReason,
            NewDayValue, NewTimeValue, OutcomeSummary);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Contacts", new { id, done = "outcome" });
        }

        // The rule speaks of the summary: shown beside this form's summary, not the correction form's.
        if (ModelState.TryGetValue(nameof(Summary), out var summary) && summary.Errors.Count > 0)
        {
            var messages = summary.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(nameof(Summary));
            messages.ForEach(m => ModelState.AddModelError(nameof(OutcomeSummary), m));
        }

        await LoadAsync(id, contactId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        Contact = await Mediator.Send(new GetContact(id, contactId), cancellationToken) ?? throw NotFoundException.For("Contact", contactId);
        Form = await Mediator.Send(new GetContactForm(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
    }
}
