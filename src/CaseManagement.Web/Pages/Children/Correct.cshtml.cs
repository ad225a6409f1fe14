using CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;
using CaseManagement.Application.Records.Rights.Queries.GetChildRights;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Children;

/// <summary>Corrects the child's details with the reason (UK GDPR article 16); the change shows on the rights page.</summary>
public sealed class CorrectModel(IMediator mediator) : AppPageModel(mediator)
{
    public ChildRightsDto Rights { get; private set; } = null!;

    [BindProperty] public string? GivenName { get; set; }

    [BindProperty] public string? FamilyName { get; set; }

    [BindProperty] public string? PreferredName { get; set; }

    [BindProperty] public DateInput DateOfBirth { get; set; } = DateInput.Empty;

    [BindProperty] public string? Postcode { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        (GivenName, FamilyName, PreferredName, DateOfBirth, Postcode) = (Rights.GivenName, Rights.FamilyName, Rights.PreferredName, DateInput.From(Rights.DateOfBirth), Rights.Postcode);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var dateOfBirth = DateOf(nameof(DateOfBirth), DateOfBirth, "Date of birth must be a real date, like 27 3 2012.");
        if ((await TrySendAsync(new CorrectChildDetails(id, GivenName, FamilyName, PreferredName, dateOfBirth, Postcode, Reason), cancellationToken)).Ok)
        {
            return RedirectToPage("/Children/Rights", new { id, done = "corrected" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) => Rights = await Mediator.Send(new GetChildRights(id), cancellationToken);
}
