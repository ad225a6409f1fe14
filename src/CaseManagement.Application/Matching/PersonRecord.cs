using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching;

/// <summary>
/// The details of one person that matching compares: a referral's child or a child already known.
/// Every field except <see cref="Id"/> may be missing; a missing or invalid field contributes nothing to a score.
/// </summary>
/// <param name="Id">The child's or referral's identifier, returned with each match.</param>
/// <param name="GivenName">Given names as written, first name first; middle names may follow.</param>
/// <param name="FamilyName">Family name as written; double-barrelled names may use a hyphen or a space.</param>
/// <param name="PreferredName">The name the child goes by, if different (for example "Dai" for Dafydd).</param>
/// <param name="DateOfBirth">Date of birth, if known.</param>
/// <param name="Sex">Sex; <see cref="Sex.NotKnown"/> and <see cref="Sex.NotStated"/> count as missing.</param>
/// <param name="Postcode">UK postcode of the home address, in any case and spacing.</param>
/// <param name="NhsNumber">NHS number (10 digits with a modulus 11 check digit), spaces allowed.</param>
/// <param name="UniquePupilNumber">Unique pupil number (13 characters, check letter first).</param>
/// <param name="PncId">Police National Computer identifier, such as "12/345678U".</param>
/// <param name="Email">An e-mail address of the child or of a parent or carer.</param>
/// <param name="Phone">A UK phone number of the child or of a parent or carer, written any usual way.</param>
/// <param name="Town">The town or village of the home address, as written.</param>
/// <param name="HouseNumber">The house number or name of the home address ("12a", "Tŷ Gwyn"), as written.</param>
/// <param name="Street">The street of the home address, as written ("High St", "Heol y Bont"); a number at its start is read as the house number when none is given.</param>
/// <param name="School">The school the child attends, as written.</param>
/// <param name="Carers">The names of the child's parents or carers, each as written; null or empty when none are known.</param>
/// <param name="OtherIdentifier">Any other identifier of the child (a council's or a service's own number).</param>
/// <param name="OtherIdentifierIssuer">Who issued <paramref name="OtherIdentifier"/>: two such identifiers are compared only when their issuers agree.</param>
/// <param name="EmailOwner">Whose <paramref name="Email"/> is (decision 0092): the child's own speaks for the child when both records say so; a parent's or carer's, or not said (null), speaks only for the home.</param>
/// <param name="PhoneOwner">Whose <paramref name="Phone"/> is, read as <paramref name="EmailOwner"/> is.</param>
public sealed record PersonRecord(
    Guid Id,
    string? GivenName,
    string? FamilyName,
    string? PreferredName = null,
    DateOnly? DateOfBirth = null,
    Sex Sex = Sex.NotKnown,
    string? Postcode = null,
    string? NhsNumber = null,
    string? UniquePupilNumber = null,
    string? PncId = null,
    string? Email = null,
    string? Phone = null,
    string? Town = null,
    string? HouseNumber = null,
    string? Street = null,
    string? School = null,
    IReadOnlyList<string>? Carers = null,
    string? OtherIdentifier = null,
    string? OtherIdentifierIssuer = null,
    ContactOwner? EmailOwner = null,
    ContactOwner? PhoneOwner = null);
