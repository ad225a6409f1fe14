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

    /// <summary>The house number or name and the street of the home address, compared together.</summary>
    Address,

    School,

    /// <summary>The names of the parents or carers: agrees when any one of them does.</summary>
    Carers,

    /// <summary>Another identifier, compared only when both records name the same issuer.</summary>
    OtherIdentifier,
}
