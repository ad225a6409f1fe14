namespace CaseManagement.Application.Matching;

/// <summary>
/// How common names are among the known records, for the term-frequency adjustment: agreeing on a rare family name
/// (Pritchard-Gwynne) is stronger evidence than agreeing on a common one (Jones). The caller builds it from the records
/// it knows; scoring only reads it.
/// </summary>
public interface INameFrequencies
{
    /// <summary>
    /// The share (0 to 1) of known records with this family-name key (see <see cref="NameNormaliser.FamilyNameKey"/>),
    /// or null when not known, in which case the level's default u applies.
    /// </summary>
    double? FamilyName(string familyNameKey);

    /// <summary>The share of known records with this given-name key (see <see cref="NameNormaliser.GivenNameKey"/>), or null.</summary>
    double? GivenName(string givenNameKey);
}
