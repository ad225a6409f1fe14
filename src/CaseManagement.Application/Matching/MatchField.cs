namespace CaseManagement.Application.Matching;

/// <summary>The fields that matching compares, each with its own agreement levels and weights.</summary>
public enum MatchField
{
    GivenName,
    FamilyName,
    DateOfBirth,
    Sex,
    Postcode,
    NhsNumber,
    UniquePupilNumber,
    PncId,
    Email,
    Phone,
    Town,
}
