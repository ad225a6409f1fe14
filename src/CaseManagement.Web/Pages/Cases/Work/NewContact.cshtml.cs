using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Contacts.Commands.RecordContact;
using CaseManagement.Application.Work.Contacts.Queries.GetContactForm;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Records a contact on one page, filled in with what is usual (now, an hour, with the child, by me, attended).</summary>
public sealed class NewContactModel(IMediator mediator, TimeProvider clock) : ContactFormPage(mediator)
{
    /// <summary>The form's own key, made when the form is first shown: a second press of the button finds the first contact.</summary>
    [BindProperty] public Guid FormKey { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        FormKey = Guid.NewGuid();
        OfferDefaults(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var command = new RecordContact(
            id, FormKey, DayValue, TimeValue, LengthValue, FormChoices.Choice<ContactKind>(Kind), Place, ChildTookPart, ParentsOrCarers,
            ProfessionalsValue, [.. WorkerIds], [.. GoalIds], Summary, SensitiveNotes, FormChoices.Choice<ContactOutcome>(Outcome),
            FormChoices.Choice<ContactCancelledBy>(CancelledBy), CancelReason, NewDayValue, NewTimeValue, [.. InterventionIds]);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Contacts", new { id, done = "recorded" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Form = await Mediator.Send(new GetContactForm(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
}
