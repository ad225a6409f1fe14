using CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;
using CaseManagement.Application.Records.Rights.Queries.GetChildRights;
using CaseManagement.Domain.Children;
using CaseManagement.Web.Forms;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Pages.Children;

/// <summary>
/// Corrects the child's details with the reason (UK GDPR article 16); the change shows on the rights page. The page
/// states the whole of the evidence matching compares, so a blank field removes what was held (decision 0083).
/// </summary>
public sealed class CorrectModel(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public ChildRightsDto Rights { get; private set; } = null!;

    [BindProperty] public string? GivenName { get; set; }

    [BindProperty] public string? FamilyName { get; set; }

    [BindProperty] public string? PreferredName { get; set; }

    [BindProperty] public DateInput DateOfBirth { get; set; } = DateInput.Empty;

    [BindProperty] public string? Postcode { get; set; }

    [BindProperty] public EvidenceInput Evidence { get; set; } = new();

    [BindProperty] public string? Reason { get; set; }

    /// <summary>Who may have issued the other identifier, with a choice for none (to remove one held).</summary>
    public IReadOnlyList<Partials.RadioOption> Issuers =>
        [.. FormChoices.Options<IdentifierIssuer>(text), new Partials.RadioOption(string.Empty, text["Rights.NoIssuer"])];

    /// <summary>Whose a contact is, with a choice for not said (decision 0092: read as a parent's or carer's).</summary>
    public IReadOnlyList<Partials.RadioOption> Owners =>
        [.. FormChoices.Options<ContactOwner>(text), new Partials.RadioOption(string.Empty, text["ContactOwner.NotSaid"])];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        (GivenName, FamilyName, PreferredName, DateOfBirth, Postcode) = (Rights.GivenName, Rights.FamilyName, Rights.PreferredName, DateInput.From(Rights.DateOfBirth), Rights.Postcode);
        var e = Rights.Evidence;
        Evidence = new EvidenceInput
        {
            HouseNumberOrName = e.HouseNumberOrName,
            Street = e.Street,
            Town = e.Town,
            School = e.School,
            ParentOrCarerNames = [.. e.ParentOrCarerNames],
            Email = e.Email,
            Phone = e.Phone,
            EmailOwner = e.EmailOwner?.ToString(),
            PhoneOwner = e.PhoneOwner?.ToString(),
            OtherIdentifier = e.OtherIdentifier,
            OtherIdentifierIssuer = e.OtherIdentifierIssuer?.ToString(),
        };
        Evidence.PadNames();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var dateOfBirth = DateOf(nameof(DateOfBirth), DateOfBirth, "Date of birth must be a real date, like 27 3 2012.");
        var names = Evidence.ParentOrCarerNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        var evidence = new ChildEvidenceCorrection(
            Evidence.HouseNumberOrName, Evidence.Street, Evidence.Town, Evidence.School, names, Evidence.Email, Evidence.Phone, Evidence.OtherIdentifier, Evidence.OtherIdentifierIssuer,
            Evidence.EmailOwner, Evidence.PhoneOwner);
        if ((await TrySendAsync(new CorrectChildDetails(id, GivenName, FamilyName, PreferredName, dateOfBirth, Postcode, Reason, evidence), cancellationToken)).Ok)
        {
            return RedirectToPage("/Children/Rights", new { id, done = "corrected" });
        }

        // The names as the rules named them (Evidence.ParentOrCarerNames[0] is the first filled in): the blanks go.
        Evidence.ParentOrCarerNames = [.. names];
        Evidence.PadNames();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) => Rights = await Mediator.Send(new GetChildRights(id), cancellationToken);

    /// <summary>The evidence's fields as the form posts them (<c>Evidence.Email</c>), named as the request's rules name them.</summary>
    public sealed class EvidenceInput
    {
        public string? HouseNumberOrName { get; set; }

        public string? Street { get; set; }

        public string? Town { get; set; }

        public string? School { get; set; }

        public List<string?> ParentOrCarerNames { get; set; } = [];

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? EmailOwner { get; set; }

        public string? PhoneOwner { get; set; }

        public string? OtherIdentifier { get; set; }

        public string? OtherIdentifierIssuer { get; set; }

        /// <summary>Room for another name, up to the most a child keeps.</summary>
        public void PadNames()
        {
            if (ParentOrCarerNames.Count < PersonDetails.MaxParentOrCarerNames)
            {
                ParentOrCarerNames.Add(null);
            }

            while (ParentOrCarerNames.Count < 2)
            {
                ParentOrCarerNames.Add(null);
            }
        }
    }
}
