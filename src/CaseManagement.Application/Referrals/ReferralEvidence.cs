using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// The evidence a referral carries about who the child is, beyond name and date of birth (issue 18): read by the
/// request that submits it and by the pages that ask for it.
/// </summary>
public static class ReferralEvidence
{
    /// <summary>
    /// The issuer a sender named, by its name as the API document lists it (any case); null for blank or unknown. A
    /// number is not a name: "3" would otherwise read as the fourth issuer.
    /// </summary>
    public static IdentifierIssuer? Issuer(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<IdentifierIssuer>(value.Trim(), ignoreCase: true, out var issuer) && Enum.IsDefined(issuer)
            ? issuer
            : null;

    public static bool IsKnownIssuerOrEmpty(string? value) => string.IsNullOrWhiteSpace(value) || Issuer(value) is not null;
}
