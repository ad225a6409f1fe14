using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Tools.Evaluation;

/// <summary>
/// A labelled set as another linker reads it (docs/decisions/0086): one row per record, in the order our clustering
/// numbers them, with its true person and household and every field of the <see cref="PersonRecord"/> our matcher was
/// given in that run, so an outside tool is measured on exactly the same evidence. Written through the one CSV writer
/// (<see cref="CsvFile"/>), which puts an apostrophe before a field a spreadsheet would run as a formula (a phone
/// written "+44 ..."): a reader takes it off again.
/// </summary>
public static class LabelledSetExport
{
    /// <summary>The separator between a record's carers in the <c>carers</c> column.</summary>
    public const string CarerSeparator = "; ";

    /// <summary>
    /// The columns, in order: the row's number, its true person (<c>cluster_id</c>) and household (<c>family_id</c>,
    /// a label for reading errors, not evidence), then the record's fields.
    /// </summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "row_id", "cluster_id", "family_id", "given_name", "family_name", "preferred_name", "date_of_birth", "sex",
        "house_number", "street", "town", "postcode", "school", "carers", "email", "phone", "nhs_number", "upn",
        "pnc_id", "other_identifier", "other_identifier_issuer",
    ];

    /// <summary>One row's values in <see cref="Columns"/> order; a missing value is an empty string.</summary>
    /// <param name="row">The row's number in the set (0 for the first).</param>
    /// <param name="labelled">The row's labels.</param>
    /// <param name="record">The record as the matcher was given it (identifiers removed in a run without them).</param>
    public static IReadOnlyList<string> Fields(int row, LabelledRecord labelled, PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(record);
        return
        [
            row.ToString(CultureInfo.InvariantCulture),
            labelled.PersonId,
            labelled.FamilyId,
            record.GivenName ?? string.Empty,
            record.FamilyName ?? string.Empty,
            record.PreferredName ?? string.Empty,
            record.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            record.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => string.Empty },
            record.HouseNumber ?? string.Empty,
            record.Street ?? string.Empty,
            record.Town ?? string.Empty,
            record.Postcode ?? string.Empty,
            record.School ?? string.Empty,
            record.Carers is null ? string.Empty : string.Join(CarerSeparator, record.Carers.Where(c => !string.IsNullOrWhiteSpace(c))),
            record.Email ?? string.Empty,
            record.Phone ?? string.Empty,
            record.NhsNumber ?? string.Empty,
            record.UniquePupilNumber ?? string.Empty,
            record.PncId ?? string.Empty,
            record.OtherIdentifier ?? string.Empty,
            record.OtherIdentifierIssuer ?? string.Empty,
        ];
    }

    /// <summary>Writes the set to <paramref name="path"/>, replacing it; answers the number of rows written.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelled">The labelled rows.</param>
    /// <param name="records">The records as the matcher was given them, one for each labelled row, in the same order.</param>
    public static int Write(string path, IReadOnlyList<LabelledRecord> labelled, IReadOnlyList<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(records);
        if (labelled.Count != records.Count)
        {
            throw new ArgumentException("There must be one record for every labelled row.", nameof(records));
        }

        CsvFile.Write(path, Columns, records.Select((record, i) => Fields(i, labelled[i], record)));
        return records.Count;
    }
}
