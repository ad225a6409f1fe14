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

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        List = await Mediator.Send(new ListContacts(id, FormChoices.Choice<ContactOutcome>(Outcome), Math.Max(1, PageNumber)), cancellationToken)
            ?? throw NotFoundException.For("Case", id);
}
