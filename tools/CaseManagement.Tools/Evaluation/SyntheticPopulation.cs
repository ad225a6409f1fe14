using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Evaluation;

/// <summary>How a synthetic child is related to another child in the data who is a different person.</summary>
public enum SyntheticRelation
{
    /// <summary>No other child of the household is in the data (though a namesake may be).</summary>
    None,

    /// <summary>A twin: same family name, date of birth and address as another child, a different given name.</summary>
    Twin,

    /// <summary>A brother or sister: same family name and address, a different date of birth.</summary>
    Sibling,

    /// <summary>An unrelated child with the same common given and family names and date of birth as an earlier one.</summary>
    Namesake,
}

/// <summary>A synthetic child as they really are: the truth the referrals about them were written from.</summary>
/// <param name="PersonId">The label every referral about this child carries.</param>
/// <param name="FamilyId">The household; twins and siblings share it.</param>
/// <param name="GivenName">The registered first name.</param>
/// <param name="MiddleName">A middle name, if any.</param>
/// <param name="PreferredName">The name the child goes by, if different (Dai for Dafydd).</param>
/// <param name="FamilyName">The family name (double-barrelled names with a hyphen).</param>
/// <param name="DateOfBirth">The true date of birth.</param>
/// <param name="Sex">Female or Male.</param>
/// <param name="Postcodes">Where the child has lived, in order (a family that moved has more than one).</param>
/// <param name="NhsNumber">A valid NHS number.</param>
/// <param name="UniquePupilNumber">A valid unique pupil number.</param>
/// <param name="PncId">A valid PNC ID, for the few children known to the police computer; otherwise null.</param>
/// <param name="Relation">Why this child is a hard case for matching.</param>
/// <param name="NamesakeOf">For a namesake, the person it copies the names and date of birth of.</param>
public sealed record SyntheticPerson(
    string PersonId,
    string FamilyId,
    string GivenName,
    string? MiddleName,
    string? PreferredName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    IReadOnlyList<string> Postcodes,
    string NhsNumber,
    string UniquePupilNumber,
    string? PncId,
    SyntheticRelation Relation,
    string? NamesakeOf);

/// <summary>One referral row with its label: the record as the referrer wrote it and the person it is really about.</summary>
/// <param name="RecordId">The row's identifier ("R0000001"), in row order.</param>
/// <param name="PersonId">The true person; rows with the same person id are the same child.</param>
/// <param name="FamilyId">The child's household.</param>
/// <param name="Source">Who sent the referral (a <c>ReferralSource</c> name).</param>
/// <param name="Record">The details as written, with their errors and gaps.</param>
public sealed record LabelledRecord(string RecordId, string PersonId, string FamilyId, string Source, PersonRecord Record);

/// <summary>The generated children and the referral rows written about them, rows in shuffled order.</summary>
public sealed record SyntheticPopulation(IReadOnlyList<SyntheticPerson> People, IReadOnlyList<LabelledRecord> Records);

/// <summary>What the generator makes; the defaults are those the evaluation in docs/performance.md uses.</summary>
public sealed record SyntheticReferralOptions
{
    /// <summary>How many referral rows (not children) to generate.</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>The seed: the same seed and options give the same rows, on any machine.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The children are aged 8 to 17 on this date.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2026, 9, 1);

    /// <summary>The share of households with twins (both referred).</summary>
    public double TwinHouseholdShare { get; init; } = 0.05;

    /// <summary>The share of households with two or three children of different ages referred.</summary>
    public double SiblingHouseholdShare { get; init; } = 0.15;

    /// <summary>Referrals per child: null for the realistic spread (1 to 6, about 2.3 on average); 1 for a register of distinct children.</summary>
    public int? ReferralsPerChild { get; init; }

    /// <summary>The share of single-child households whose child has the same common names and date of birth as an unrelated child.</summary>
    public double NamesakeShare { get; init; } = 0.03;
}
