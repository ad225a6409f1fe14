using Microsoft.AspNetCore.WebUtilities;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Contacts.Queries.ListContacts;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The case's contacts, newest first, with the next planned one; filtered by outcome.</summary>
public sealed class ContactsModel(IMediator mediator) : AppPageModel(mediator)
{
    public ContactListDto List { get; private set; } = null!;

    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>What was just done, for the notification banner.</summary>
    [FromQuery(Name = "done")] public string? Done { get; set; }

    /// <summary>The outcome to list; null for every outcome, or for a word that is not an outcome (then an error).</summary>
    public ContactOutcome? Chosen => FormChoices.Choice<ContactOutcome>(Outcome, ignoreCase: true);

    /// <summary>The list's address with its outcome, for the pages' links.</summary>
    public string Link(Guid caseId) =>
        QueryHelpers.AddQueryString($"/cases/{caseId}/contacts", new KeyValuePair<string, string?>[] { new("outcome", Chosen?.ToString()) });

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // An outcome the list does not know is said at its field (decision 0118), not read as "any outcome": the case
        // is still shown (its name, its next contact), its contacts are not.
        RefuseUnknown("outcome", Outcome, Chosen is not null, "Choose one of the outcomes.");

        List = await Mediator.Send(new ListContacts(id, Chosen, Math.Max(1, PageNumber)), cancellationToken)
            ?? throw NotFoundException.For("Case", id);
    }
}
