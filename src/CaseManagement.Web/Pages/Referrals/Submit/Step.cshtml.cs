using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListTeamChoices;
using CaseManagement.Application.Referrals;
using CaseManagement.Application.Referrals.Commands.SaveReferralDraft;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Referrals.Queries.GetReferralDraft;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Pages.Referrals.Submit;

/// <summary>One question page of the staff referral form. Answers are saved to the draft after each page.</summary>
[Authorize(Roles = ReferralForm.Roles)]
public sealed class StepModel(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public Guid DraftId { get; private set; }

    public string Step { get; private set; } = ReferralSteps.Child;

    /// <summary>True when the page was opened from check your answers, so saving goes back there.</summary>
    [BindProperty(SupportsGet = true, Name = "return")]
    public string? Return { get; set; }

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    [BindProperty] public string? ChildGivenName { get; set; }
    [BindProperty] public string? ChildFamilyName { get; set; }
    [BindProperty] public string? ChildPreferredName { get; set; }
    [BindProperty] public DateInput ChildDateOfBirth { get; set; } = DateInput.Empty;
    [BindProperty] public string? ChildSex { get; set; }
    [BindProperty] public string? ChildPreferredLanguage { get; set; }
    [BindProperty] public string? ChildAddress { get; set; }
    [BindProperty] public string? ChildPostcode { get; set; }
    [BindProperty] public string? ChildSchool { get; set; }
    [BindProperty] public string? ChildNhsNumber { get; set; }
    [BindProperty] public string? ChildUniquePupilNumber { get; set; }
    [BindProperty] public string? ChildPncId { get; set; }
    [BindProperty] public string? ParentsOrCarers { get; set; }
    [BindProperty] public string? ChildHouseNumberOrName { get; set; }
    [BindProperty] public string? ChildStreet { get; set; }
    [BindProperty] public string? ChildTown { get; set; }
    [BindProperty] public string? ChildEmail { get; set; }
    [BindProperty] public string? ChildPhone { get; set; }
    [BindProperty] public string? ChildEmailOwner { get; set; }
    [BindProperty] public string? ChildPhoneOwner { get; set; }
    [BindProperty] public string? ChildOtherIdentifier { get; set; }
    [BindProperty] public string? ChildOtherIdentifierIssuer { get; set; }

    /// <summary>Two boxes at least, and one for each name the draft holds beyond them.</summary>
    [BindProperty] public List<string?> ParentOrCarerNames { get; set; } = [];
    [BindProperty] public string? TeamId { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? ReferrerName { get; set; }
    [BindProperty] public string? ReferrerPhone { get; set; }
    [BindProperty] public string? ReferrerEmail { get; set; }
    [BindProperty] public string? PoliceOccurrenceReference { get; set; }
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? SensitiveNotes { get; set; }
    [BindProperty] public string? Consent { get; set; }
    [BindProperty] public string? LawfulBasis { get; set; }

    public int StepNumber => ReferralSteps.Order.ToList().IndexOf(Step) + 1;

    public async Task<IActionResult> OnGetAsync(Guid draftId, string step, CancellationToken cancellationToken)
    {
        if (!Enter(draftId, step))
        {
            return NotFound();
        }

        var draft = await Mediator.Send(new GetReferralDraft(draftId), cancellationToken);
        if (draft.SubmittedReferralId is not null)
        {
            return RedirectToPage("/Referrals/Submit/Sent", new { draftId });
        }

        Show(draft.Answers, draft.CompletedSteps);
        if (string.IsNullOrEmpty(ReferrerName) && step == ReferralSteps.Referrer)
        {
            ReferrerName = draft.SenderName;
        }

        // The team replies to the sender: their own address is the likely answer. Once the page is done, an address
        // the person removed stays removed.
        if (string.IsNullOrEmpty(ReferrerEmail) && step == ReferralSteps.Referrer && !draft.CompletedSteps.Contains(ReferralSteps.Referrer))
        {
            ReferrerEmail = User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, string step, CancellationToken cancellationToken)
    {
        if (!Enter(draftId, step))
        {
            return NotFound();
        }

        var draft = await Mediator.Send(new GetReferralDraft(draftId), cancellationToken);
        var answers = Apply(draft.Answers);

        // A choice left unanswered is this page's own error; the answers are still checked, so every message shows at once.
        var pageValid = ModelState.IsValid;
        var (ok, _) = await TrySendAsync(new SaveReferralDraft(draftId, step, answers, CheckOnly: !pageValid), cancellationToken, onlyChecks: !pageValid);
        if (ok && pageValid)
        {
            var next = ReferralSteps.Order.SkipWhile(s => s != step).Skip(1).FirstOrDefault();
            return Redirect(Return == "check" || next is null ? $"/referrals/new/{draftId}/check" : $"/referrals/new/{draftId}/{next}");
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The names typed, empty boxes dropped; the boxes are closed up too, so that an error about the second name given
    /// shows beside the box that holds it when the page comes back.
    /// </summary>
    private List<string> FilledNames()
    {
        var names = ParentOrCarerNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        ParentOrCarerNames = [.. names];
        return names;
    }

    public IReadOnlyList<Partials.RadioOption> Options<TEnum>()
        where TEnum : struct, Enum => FormChoices.Options<TEnum>(text);

    private bool Enter(Guid draftId, string step)
    {
        DraftId = draftId;
        Step = step;
        return ReferralSteps.Fields.ContainsKey(step);
    }

    /// <summary>What the page shows beyond the answers: the teams to choose from, and two name boxes at least.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        while (ParentOrCarerNames.Count < 2)
        {
            ParentOrCarerNames.Add(null);
        }

        if (Step == ReferralSteps.Referrer)
        {
            Teams = await Mediator.Send(new ListTeamChoices(), cancellationToken);
        }
    }

    /// <summary>Fills the fields from the draft; a radio not yet answered shows no choice, not the first one.</summary>
    private void Show(SubmitReferral a, IReadOnlyList<string> completed)
    {
        bool Done(string step) => completed.Contains(step, StringComparer.Ordinal);
        ChildGivenName = a.ChildGivenName;
        ChildFamilyName = a.ChildFamilyName;
        ChildPreferredName = a.ChildPreferredName;
        ChildDateOfBirth = DateInput.From(a.ChildDateOfBirth);

        ChildSex = Done(ReferralSteps.Child) ? a.ChildSex.ToString() : null;
        ChildPreferredLanguage = Done(ReferralSteps.Child) ? a.ChildPreferredLanguage.ToString() : null;
        ChildAddress = a.ChildAddress;
        ChildPostcode = a.ChildPostcode;
        ChildSchool = a.ChildSchool;
        ChildNhsNumber = a.ChildNhsNumber;
        ChildUniquePupilNumber = a.ChildUniquePupilNumber;
        ChildPncId = a.ChildPncId;
        ParentsOrCarers = a.ParentsOrCarers;
        ChildHouseNumberOrName = a.ChildHouseNumberOrName;
        ChildStreet = a.ChildStreet;
        ChildTown = a.ChildTown;
        ChildEmail = a.ChildEmail;
        ChildPhone = a.ChildPhone;
        ChildEmailOwner = a.ChildEmailOwner;
        ChildPhoneOwner = a.ChildPhoneOwner;
        ChildOtherIdentifier = a.ChildOtherIdentifier;
        ChildOtherIdentifierIssuer = a.ChildOtherIdentifierIssuer;
        ParentOrCarerNames = [.. a.ParentOrCarerNames ?? []];
        TeamId = a.TeamId?.ToString();
        Source = Done(ReferralSteps.Referrer) ? a.Source.ToString() : null;
        ReferrerName = a.ReferrerName;
        ReferrerPhone = a.ReferrerPhone;
        ReferrerEmail = a.ReferrerEmail;
        PoliceOccurrenceReference = a.PoliceOccurrenceReference;
        Urgency = Done(ReferralSteps.Referrer) ? a.Urgency.ToString() : null;
        Concerns = a.Concerns;
        Reason = a.Reason;
        SensitiveNotes = a.SensitiveNotes;
        Consent = a.Consent?.ToString();
        LawfulBasis = a.LawfulBasis?.ToString();
    }

    /// <summary>This page's answers laid over the draft's; a radio left unanswered is an error here, as the page cannot send "nothing" for a choice.</summary>
    private SubmitReferral Apply(SubmitReferral a)
    {
        T? Required<T>(string field, string? value, string message)
            where T : struct, Enum
        {
            var choice = FormChoices.Choice<T>(value);
            if (choice is null)
            {
                ModelState.AddModelError(field, text[message]);
            }

            return choice;
        }

        switch (Step)
        {
            case ReferralSteps.Child:
                var dob = DateOf(nameof(ChildDateOfBirth), ChildDateOfBirth, "Date of birth must be a real date, like 27 3 2012.");

                var sex = Required<Sex>(nameof(ChildSex), ChildSex, "Select the child's sex.");
                var language = Required<PreferredLanguage>(nameof(ChildPreferredLanguage), ChildPreferredLanguage, "Select the child's preferred language.");
                return a with
                {
                    ChildGivenName = ChildGivenName ?? string.Empty,
                    ChildFamilyName = ChildFamilyName ?? string.Empty,
                    ChildPreferredName = ChildPreferredName,
                    ChildDateOfBirth = dob,
                    ChildSex = sex ?? default,
                    ChildPreferredLanguage = language ?? default,
                };
            case ReferralSteps.Details:
                return a with
                {
                    ChildAddress = ChildAddress,
                    ChildPostcode = ChildPostcode,
                    ChildSchool = ChildSchool,
                    ChildNhsNumber = ChildNhsNumber,
                    ChildUniquePupilNumber = ChildUniquePupilNumber,
                    ChildPncId = ChildPncId,
                    ParentsOrCarers = ParentsOrCarers,
                    ChildHouseNumberOrName = ChildHouseNumberOrName,
                    ChildStreet = ChildStreet,
                    ChildTown = ChildTown,
                    ChildEmail = ChildEmail,
                    ChildPhone = ChildPhone,
                    ChildEmailOwner = ChildEmailOwner,
                    ChildPhoneOwner = ChildPhoneOwner,
                    ChildOtherIdentifier = ChildOtherIdentifier,
                    ChildOtherIdentifierIssuer = ChildOtherIdentifierIssuer,

                    ParentOrCarerNames = FilledNames(),
                };
            case ReferralSteps.Referrer:
                var source = Required<ReferralSource>(nameof(Source), Source, "Select where the referral comes from.");
                var urgency = Required<ReferralUrgency>(nameof(Urgency), Urgency, "Select how urgent the referral is.");
                return a with
                {
                    TeamId = Guid.TryParse(TeamId, out var team) ? team : null,
                    Source = source ?? default,
                    ReferrerName = ReferrerName ?? string.Empty,
                    ReferrerPhone = ReferrerPhone,
                    ReferrerEmail = ReferrerEmail,
                    PoliceOccurrenceReference = PoliceOccurrenceReference,
                    Urgency = urgency ?? default,
                };
            case ReferralSteps.Concerns:
                return a with { Concerns = Concerns ?? string.Empty, Reason = Reason, SensitiveNotes = SensitiveNotes };
            default:
                return a with { Consent = FormChoices.Choice<ConsentStatus>(Consent), LawfulBasis = FormChoices.Choice<LawfulBasis>(LawfulBasis) };
        }
    }
}
