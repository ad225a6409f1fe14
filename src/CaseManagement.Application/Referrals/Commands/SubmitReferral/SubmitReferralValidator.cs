using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.SubmitReferral;

public sealed partial class SubmitReferralValidator : AbstractValidator<SubmitReferral>
{
    /// <summary>
    /// The rules that read only the referral and the clock, built once for each clock (decision 0111). Building all forty
    /// rules for every submission (their expressions compiled and parsed) was 2.6 % of the app's processor time through
    /// HTTP. Validators hold no state between validations, so one set serves every request; messages stay English here
    /// and are put into the reader's language at the edge, whoever built them.
    /// </summary>
    private static readonly ConditionalWeakTable<TimeProvider, Rules> Built = [];

    public SubmitReferralValidator(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    {
        // Only the rules that ask the database or the person sending are built per request, between the two fixed parts
        // so the errors come in the order of the form's fields, as before.
        var rules = Built.GetValue(clock, BuildRules);
        Include(rules.BeforeTeam);
        RuleFor(r => r.TeamId)
            .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id, ct))
            .When(r => r.TeamId is not null)
            .WithMessage("The team does not exist.");
        RuleFor(r => r.TeamId)
            .MustAsync(async (_, ct) => currentUser.TeamIds.Count == 1 || await db.Teams.CountAsync(ct) == 1)
            .When(r => r.TeamId is null)
            .WithMessage("Select the team to refer to.");
        RuleFor(r => r.ReferrerAgencyId)
            .MustAsync(async (id, ct) => await db.Agencies.AnyAsync(a => a.Id == id, ct))
            .When(r => r.ReferrerAgencyId is not null)
            .WithMessage("The agency does not exist.");
        Include(rules.AfterTeam);
    }

    private sealed record Rules(InlineValidator<SubmitReferral> BeforeTeam, InlineValidator<SubmitReferral> AfterTeam);

    private static Rules BuildRules(TimeProvider clock)
    {
        // Each rule stops at its first failure, as every validator's does (set here too: these outlive the setting's reader).
        var before = new InlineValidator<SubmitReferral> { RuleLevelCascadeMode = CascadeMode.Stop };
        before.RuleFor(r => r.Source).IsInEnum().WithMessage("Select where the referral comes from.");
        before.RuleFor(r => r.Urgency).IsInEnum().WithMessage("Select how urgent the referral is.");
        before.RuleFor(r => r.ReferrerName).NotEmpty().WithMessage("Enter the referrer's name.").MaximumLength(200).WithMessage("The referrer's name must be 200 characters or fewer.");
        before.RuleFor(r => r.Concerns).NotEmpty().WithMessage("Enter the concerns and the reason for the referral.").MaximumLength(8000).WithMessage("The concerns must be 8000 characters or fewer.");
        before.RuleFor(r => r.PoliceOccurrenceReference).MaximumLength(50).WithMessage("The police occurrence reference must be 50 characters or fewer.");
        before.RuleFor(r => r.ChildGivenName).NotEmpty().WithMessage("Enter the child's first name.").MaximumLength(100).WithMessage("The child's first name must be 100 characters or fewer.");
        before.RuleFor(r => r.ChildFamilyName).NotEmpty().WithMessage("Enter the child's last name.").MaximumLength(100).WithMessage("The child's last name must be 100 characters or fewer.");
        before.RuleFor(r => r.ChildPreferredName).MaximumLength(100).WithMessage("The name the child prefers must be 100 characters or fewer.");
        before.RuleFor(r => r.ChildSex).IsInEnum().WithMessage("Select the child's sex.");
        before.RuleFor(r => r.ChildPreferredLanguage).IsInEnum().WithMessage("Select the child's preferred language.");
        before.RuleFor(r => r.ChildDateOfBirth)
            .NotNull().WithMessage("Enter the child's date of birth.");
        before.RuleFor(r => r.ChildDateOfBirth)
            .Must(dob => IsWithinServiceAge(dob!.Value, clock))
            .When(r => r.ChildDateOfBirth is not null)
            .WithMessage($"The child must be aged between {PersonDetails.YoungestAge} and {PersonDetails.OldestAge}.");
        before.RuleFor(r => r.ChildPostcode)
            .Must(IsPostcodeOrEmpty)
            .WithMessage("Enter a real postcode, like CF37 1DL.");
        var after = new InlineValidator<SubmitReferral> { RuleLevelCascadeMode = CascadeMode.Stop };
        after.RuleFor(r => r.Consent).NotNull().WithMessage("Select whether the child and family agreed to the referral.").IsInEnum().WithMessage("Select whether the child and family agreed to the referral.");
        after.RuleFor(r => r.LawfulBasis).NotNull().WithMessage("Select the lawful basis for sharing the child's information.").IsInEnum().WithMessage("Select the lawful basis for sharing the child's information.");
        after.RuleFor(r => r.LawfulBasis)
            .Must((r, basis) => basis != LawfulBasis.Consent || r.Consent is ConsentStatus.ChildAndFamily or ConsentStatus.ChildOnly or ConsentStatus.ParentOrCarerOnly)
            .When(r => r.LawfulBasis is not null && r.Consent is not null)
            .WithMessage("The lawful basis cannot be consent when consent was not given or not sought.");
        after.RuleFor(r => r.Reason).MaximumLength(4000).WithMessage("The reason for the referral must be 4000 characters or fewer.");
        after.RuleFor(r => r.ReferrerPhone).MaximumLength(40).WithMessage("The referrer's telephone number must be 40 characters or fewer.")
            .Matches(PhonePattern).When(r => !string.IsNullOrWhiteSpace(r.ReferrerPhone)).WithMessage("Enter a telephone number, like 01443 123456.");
        after.RuleFor(r => r.ReferrerEmail).MaximumLength(254).WithMessage("The referrer's email address must be 254 characters or fewer.")
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.ReferrerEmail)).WithMessage("Enter an email address in the correct format, like name@example.com.");
        after.RuleFor(r => r.ChildAddress).MaximumLength(500).WithMessage("The child's address must be 500 characters or fewer.");
        after.RuleFor(r => r.ParentsOrCarers).MaximumLength(1000).WithMessage("The parents' or carers' names must be 1000 characters or fewer.");
        after.RuleFor(r => r.ChildNhsNumber)
            .Must(PersonIdentifiers.IsValidNhsNumber).When(r => !string.IsNullOrWhiteSpace(r.ChildNhsNumber))
            .WithMessage("Enter a real NHS number: 10 digits, like 943 476 5919.");
        after.RuleFor(r => r.ChildUniquePupilNumber)
            .Must(PersonIdentifiers.IsValidUniquePupilNumber).When(r => !string.IsNullOrWhiteSpace(r.ChildUniquePupilNumber))
            .WithMessage("Enter a real unique pupil number: 13 characters, a letter then 12 digits.");
        after.RuleFor(r => r.ChildPncId)
            .Must(PersonIdentifiers.IsValidPncId).When(r => !string.IsNullOrWhiteSpace(r.ChildPncId))
            .WithMessage("Enter a real Police National Computer ID, like 12/345678U.");
        after.RuleFor(r => r.SensitiveNotes).MaximumLength(8000).WithMessage("The confidential information must be 8000 characters or fewer.");
        ReferralEvidence.AddRules(
            after, r => r.ChildHouseNumberOrName, r => r.ChildStreet, r => r.ChildTown, r => r.ChildSchool, r => r.ParentOrCarerNames,
            (r => r.ChildEmail, r => r.ChildEmailOwner), (r => r.ChildPhone, r => r.ChildPhoneOwner), r => r.ChildOtherIdentifier, r => r.ChildOtherIdentifierIssuer);
        return new Rules(before, after);
    }

    /// <summary>Digits, spaces, brackets, plus and hyphens, as people write telephone numbers.</summary>
    internal const string PhonePattern = @"^[0-9+() \-]{6,40}$";

    internal static bool IsPostcodeOrEmpty(string? postcode) => postcode is null || PostcodePattern().IsMatch(postcode.Trim());

    internal static bool IsWithinServiceAge(DateOnly dateOfBirth, TimeProvider clock)
    {
        var age = PersonDetails.AgeOn(dateOfBirth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return age is >= PersonDetails.YoungestAge and <= PersonDetails.OldestAge;
    }

    [GeneratedRegex(@"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$")]
    private static partial Regex PostcodePattern();
}
