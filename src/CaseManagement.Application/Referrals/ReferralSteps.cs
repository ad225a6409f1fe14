using CaseManagement.Application.Referrals.Commands.SubmitReferral;

namespace CaseManagement.Application.Referrals;

/// <summary>The question pages of the staff referral form, in order, and the answers each one asks for.</summary>
public static class ReferralSteps
{
    public const string Child = "child";
    public const string Details = "details";
    public const string Referrer = "referrer";
    public const string Concerns = "concerns";
    public const string Consent = "consent";

    public static IReadOnlyList<string> Order { get; } = [Child, Details, Referrer, Concerns, Consent];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Child] = [nameof(SubmitReferral.ChildGivenName), nameof(SubmitReferral.ChildFamilyName), nameof(SubmitReferral.ChildPreferredName), nameof(SubmitReferral.ChildDateOfBirth), nameof(SubmitReferral.ChildSex), nameof(SubmitReferral.ChildPreferredLanguage)],
        [Details] = [nameof(SubmitReferral.ChildHouseNumberOrName), nameof(SubmitReferral.ChildStreet), nameof(SubmitReferral.ChildAddress), nameof(SubmitReferral.ChildTown), nameof(SubmitReferral.ChildPostcode), nameof(SubmitReferral.ChildSchool), nameof(SubmitReferral.ChildEmail), nameof(SubmitReferral.ChildEmailOwner), nameof(SubmitReferral.ChildPhone), nameof(SubmitReferral.ChildPhoneOwner), nameof(SubmitReferral.ChildNhsNumber), nameof(SubmitReferral.ChildUniquePupilNumber), nameof(SubmitReferral.ChildPncId), nameof(SubmitReferral.ChildOtherIdentifier), nameof(SubmitReferral.ChildOtherIdentifierIssuer), nameof(SubmitReferral.ParentOrCarerNames), nameof(SubmitReferral.ParentsOrCarers)],
        [Referrer] = [nameof(SubmitReferral.TeamId), nameof(SubmitReferral.Source), nameof(SubmitReferral.ReferrerName), nameof(SubmitReferral.ReferrerPhone), nameof(SubmitReferral.ReferrerEmail), nameof(SubmitReferral.PoliceOccurrenceReference), nameof(SubmitReferral.Urgency)],
        [Concerns] = [nameof(SubmitReferral.Concerns), nameof(SubmitReferral.Reason), nameof(SubmitReferral.SensitiveNotes)],
        [Consent] = [nameof(SubmitReferral.Consent), nameof(SubmitReferral.LawfulBasis)],
    };

    /// <summary>The page that asks for a field, for the check-your-answers page's error links.</summary>
    public static string StepOf(string field) =>
        Fields.FirstOrDefault(f => f.Value.Contains(FieldOf(field), StringComparer.Ordinal)).Key ?? Child;

    /// <summary>The field an error's key is about: a list item's ("ParentOrCarerNames[1]") is its list's.</summary>
    public static string FieldOf(string key) => (key ?? string.Empty).Split('[')[0];
}
