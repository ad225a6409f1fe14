using System.Globalization;
using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Evaluation;

/// <summary>
/// Which column of a CSV holds each field matching compares, read from a small JSON file, so the batch
/// <c>match</c> command can read any export. Every field may be left out; the id column is optional (the row number
/// stands in for it).
/// </summary>
/// <example>
/// <code>
/// {
///   "id": "Ref",
///   "givenName": "Forename",
///   "familyName": "Surname",
///   "preferredName": "Known as",
///   "dateOfBirth": { "column": "D.O.B.", "formats": ["yyyy-MM-dd", "dd/MM/yyyy"] },
///   "sex": { "column": "Gender", "values": { "F": "Female", "M": "Male", "U": "NotKnown" } },
///   "postcode": "Postcode",
///   "nhsNumber": "NHS No",
///   "upn": "UPN",
///   "pncId": "PNC"
/// }
/// </code>
/// </example>
public sealed class ColumnMapping
{
    /// <summary>The date formats used when the mapping names a date column without formats.</summary>
    public static IReadOnlyList<string> DefaultDateFormats { get; } = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    private static readonly string[] FieldNames =
        ["id", "givenName", "familyName", "preferredName", "dateOfBirth", "sex", "postcode", "nhsNumber", "upn", "pncId", "email", "phone",
            "emailOwner", "phoneOwner", "carerEmail", "carerPhone", "town",
            "houseNumber", "street", "school", "carers", "otherIdentifier", "otherIdentifierIssuer"];

    /// <summary>Every field a mapping can name, with what it holds (for <c>match --help</c>).</summary>
    public static IReadOnlyList<(string Field, string Meaning)> FieldHelp { get; } =
    [
        ("id", "the row's identifier, unique in the file (row numbers when left out)"),
        ("givenName", "given names, first name first"),
        ("familyName", "family name"),
        ("preferredName", "the name the child goes by"),
        ("dateOfBirth", "the date of birth, a column name, or { \"column\", \"format\" or \"formats\" } (default dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd)"),
        ("sex", "the child's sex, a column name, or { \"column\", \"values\" } mapping the file's values to Female, Male, NotKnown, NotStated"),
        ("postcode", "UK postcode, any case and spacing; others (from abroad, or mistyped out of shape) are counted and compared as written"),
        ("nhsNumber", "NHS number (invalid ones are counted and read as missing)"),
        ("upn", "unique pupil number (likewise)"),
        ("pncId", "Police National Computer ID (likewise)"),
        ("email", "the child's own e-mail address (compared without case); with emailOwner, whoever's that column says"),
        ("phone", "the child's own phone number, any usual way of writing it; a number that is not a UK one is counted and its digits compared as written; with phoneOwner, whoever's that column says"),
        ("emailOwner", "the column saying whose each row's email is: Child (the child's own) or ParentOrCarer; blank or anything else is not said, read as a parent's or carer's"),
        ("phoneOwner", "the column saying whose each row's phone is, as emailOwner"),
        ("carerEmail", "a parent's or carer's e-mail address, compared when the row's email is empty (brothers and sisters share it, so it counts for the home only)"),
        ("carerPhone", "a parent's or carer's phone number, compared when the row's phone is empty (likewise)"),
        ("town", "the town or village of the home address (compared without case, spaces or punctuation)"),
        ("houseNumber", "the house number or name of the home address (\"No. 12A\" and \"12a\" agree)"),
        ("street", "the street of the home address (\"St\" and \"Street\", \"Rd\" and \"Road\" agree; Welsh names such as \"Heol\" and \"Stryd\" are kept as they are); a number at its start is read as the house number"),
        ("school", "the school the child attends (\"the\", \"school\" and \"ysgol\" are left out)"),
        ("carers", "the names of parents or carers: a column name, whose value may list several names separated by ';', or a list of column names"),
        ("otherIdentifier", "any other identifier: a column name, or { \"column\", \"issuer\" } naming who issued every row's; compared only when the issuers agree"),
        ("otherIdentifierIssuer", "the column saying who issued each row's otherIdentifier (when not one issuer for the whole file)"),
    ];

    /// <summary>The sex values understood when the mapping gives no value map (case is ignored).</summary>
    private static readonly Dictionary<string, Sex> DefaultSexValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["F"] = Sex.Female,
        ["Female"] = Sex.Female,
        ["Girl"] = Sex.Female,
        ["M"] = Sex.Male,
        ["Male"] = Sex.Male,
        ["Boy"] = Sex.Male,
        ["U"] = Sex.NotKnown,
        ["Unknown"] = Sex.NotKnown,
        ["Not known"] = Sex.NotKnown,
        ["NotKnown"] = Sex.NotKnown,
        ["Not stated"] = Sex.NotStated,
        ["NotStated"] = Sex.NotStated,
    };

    private ColumnMapping(Dictionary<string, string> columns, IReadOnlyList<string> dateFormats, IReadOnlyDictionary<string, Sex> sexValues, string? issuer)
    {
        Columns = columns;
        DateFormats = dateFormats;
        SexValues = sexValues;
        Issuer = issuer;
    }

    /// <summary>The mapped fields (the JSON property names, such as "givenName") and the CSV column each reads.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    /// <summary>The formats a date of birth may be written in, tried in order.</summary>
    public IReadOnlyList<string> DateFormats { get; }

    /// <summary>What each value of the sex column means (case is ignored); other values count as not known.</summary>
    public IReadOnlyDictionary<string, Sex> SexValues { get; }

    /// <summary>Who issued every row's other identifier, when the mapping says so once for the file.</summary>
    public string? Issuer { get; }

    /// <summary>The key a further carers column is held under ("carers", "carers 2", ...).</summary>
    internal static string CarersKey(int index) => index == 0 ? "carers" : string.Create(CultureInfo.InvariantCulture, $"carers {index + 1}");

    /// <summary>Reads a mapping; a <see cref="MappingException"/> says what is wrong, in words an operator can act on.</summary>
    public static ColumnMapping Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new MappingException($"The mapping is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MappingException("The mapping must be a JSON object such as { \"givenName\": \"Forename\", \"familyName\": \"Surname\" }.");
            }

            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            IReadOnlyList<string> dateFormats = DefaultDateFormats;
            IReadOnlyDictionary<string, Sex> sexValues = DefaultSexValues;
            string? issuer = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = FieldNames.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new MappingException(
                        $"The mapping has an unknown field '{property.Name}'. The fields are: {string.Join(", ", FieldNames)}.");
                if (columns.ContainsKey(field))
                {
                    throw new MappingException($"The mapping names '{field}' twice.");
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    columns[field] = ColumnName(field, property.Value);
                    continue;
                }

                if (field == "carers" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    ReadCarers(property.Value, columns);
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.Object || field is not ("dateOfBirth" or "sex" or "otherIdentifier"))
                {
                    throw new MappingException(field switch
                    {
                        "dateOfBirth" or "sex" or "otherIdentifier" => $"'{field}' must be a column name or an object with a \"column\".",
                        "carers" => "'carers' must be a column name or a list of column names.",
                        _ => $"'{field}' must be a column name (a string).",
                    });
                }

                columns[field] = field switch
                {
                    "dateOfBirth" => ReadDate(property.Value, out dateFormats),
                    "sex" => ReadSex(property.Value, out sexValues),
                    _ => ReadOtherIdentifier(property.Value, out issuer),
                };
            }

            if (columns.Keys.All(k => k == "id"))
            {
                throw new MappingException("The mapping names no field to compare: map at least one of givenName, familyName, dateOfBirth, postcode, nhsNumber, upn, pncId.");
            }

            if (columns.ContainsKey("otherIdentifier") && issuer is null && !columns.ContainsKey("otherIdentifierIssuer"))
            {
                throw new MappingException(
                    "'otherIdentifier' needs its issuer, since two identifiers are compared only when the same body issued them: give { \"column\": ..., \"issuer\": \"Cardiff Council\" } or map 'otherIdentifierIssuer' to a column.");
            }

            if (issuer is not null && columns.ContainsKey("otherIdentifierIssuer"))
            {
                throw new MappingException("Give the other identifier's issuer once: in 'otherIdentifier' or as the column 'otherIdentifierIssuer', not both.");
            }

            return new ColumnMapping(columns, dateFormats, sexValues, issuer);
        }
    }

    /// <summary>
    /// Finds each mapped column in a CSV header: by exact name, or ignoring case and surrounding spaces if that finds
    /// only one. Throws a <see cref="MappingException"/> naming every mapped column the header lacks.
    /// </summary>
    /// <param name="header">The CSV's header row.</param>
    /// <param name="today">The day dates of birth after which are reported as unlikely; by default today (UTC).</param>
    public BoundMapping Bind(IReadOnlyList<string> header, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (field, column) in Columns)
        {
            var exact = Enumerable.Range(0, header.Count).Where(i => header[i] == column).ToList();
            var loose = exact.Count > 0
                ? exact
                : Enumerable.Range(0, header.Count)
                    .Where(i => string.Equals(header[i].Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase))
                    .ToList();
            if (loose.Count == 1)
            {
                positions[field] = loose[0];
            }
            else if (loose.Count == 0)
            {
                problems.Add($"'{field}' is mapped to the column '{column}', which the CSV does not have");
            }
            else
            {
                problems.Add($"'{field}' is mapped to the column '{column}', which the CSV has {loose.Count} times");
            }
        }

        if (problems.Count > 0)
        {
            throw new MappingException(
                $"{string.Join("; ", problems)}. The CSV's columns are: {string.Join(", ", header.Select(h => $"'{h}'"))}.");
        }

        return new BoundMapping(this, positions, header.Count, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
    }

    private static string ColumnName(string field, JsonElement value)
    {
        var name = value.GetString();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new MappingException($"'{field}' must name a column (it is empty); leave the field out if the CSV has no such column.");
        }

        return name;
    }

    private static string ReadDate(JsonElement value, out IReadOnlyList<string> formats)
    {
        string? column = null;
        var list = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "COLUMN" when property.Value.ValueKind == JsonValueKind.String:
                    column = ColumnName("dateOfBirth", property.Value);
                    break;
                case "FORMAT" when property.Value.ValueKind == JsonValueKind.String:
                    list.Add(property.Value.GetString()!);
                    break;
                case "FORMATS" when property.Value.ValueKind == JsonValueKind.Array
                    && property.Value.EnumerateArray().All(f => f.ValueKind == JsonValueKind.String):
                    list.AddRange(property.Value.EnumerateArray().Select(f => f.GetString()!));
                    break;
                default:
                    throw new MappingException(
                        $"'dateOfBirth' has an unexpected '{property.Name}': use \"column\" (a string) and \"format\" (a string) or \"formats\" (a list of strings).");
            }
        }

        if (column is null)
        {
            throw new MappingException("'dateOfBirth' must give the \"column\" that holds the date.");
        }

        foreach (var format in list)
        {
            CheckDateFormat(format);
        }

        formats = list.Count == 0 ? DefaultDateFormats : list;
        return column;
    }

    /// <summary>
    /// A format must write and read back a day, a month and a year: "dd/MM/yyyy" does; "dd/mm/yyyy" does not (mm is
    /// minutes), nor does "yyyy" alone or text that is not a format.
    /// </summary>
    private static void CheckDateFormat(string format)
    {
        var sample = new DateOnly(2013, 11, 24);
        bool roundTrips;
        try
        {
            var written = sample.ToString(format, CultureInfo.InvariantCulture);
            roundTrips = DateOnly.TryParseExact(written, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var read) && read == sample;
        }
        catch (FormatException)
        {
            roundTrips = false;
        }

        if (!roundTrips)
        {
            throw new MappingException(
                $"The date format '{format}' cannot be used: it must have a day, a month and a year, as in \"dd/MM/yyyy\" or \"yyyy-MM-dd\" (MM is the month; mm would be minutes).");
        }
    }

    private static void ReadCarers(JsonElement value, Dictionary<string, string> columns)
    {
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new MappingException("'carers' must be a column name or a list of column names.");
            }

            columns[CarersKey(index++)] = ColumnName("carers", item);
        }
    }

    private static string ReadOtherIdentifier(JsonElement value, out string? issuer)
    {
        string? column = null;
        issuer = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "COLUMN" when property.Value.ValueKind == JsonValueKind.String:
                    column = ColumnName("otherIdentifier", property.Value);
                    break;
                case "ISSUER" when property.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.Value.GetString()):
                    issuer = property.Value.GetString()!.Trim();
                    break;
                default:
                    throw new MappingException(
                        $"'otherIdentifier' has an unexpected '{property.Name}': use \"column\" (a string) and \"issuer\" (who issued the identifiers, such as \"Cardiff Council\").");
            }
        }

        return column ?? throw new MappingException("'otherIdentifier' must give the \"column\" that holds it.");
    }

    private static string ReadSex(JsonElement value, out IReadOnlyDictionary<string, Sex> values)
    {
        string? column = null;
        Dictionary<string, Sex>? map = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "COLUMN" when property.Value.ValueKind == JsonValueKind.String:
                    column = ColumnName("sex", property.Value);
                    break;
                case "VALUES" when property.Value.ValueKind == JsonValueKind.Object:
                    map = new Dictionary<string, Sex>(StringComparer.OrdinalIgnoreCase);
                    foreach (var entry in property.Value.EnumerateObject())
                    {
                        if (entry.Value.ValueKind != JsonValueKind.String
                            || !Enum.TryParse<Sex>(entry.Value.GetString(), ignoreCase: true, out var sex)
                            || !Enum.IsDefined(sex))
                        {
                            throw new MappingException(
                                $"'sex' maps the value '{entry.Name}' to {entry.Value.GetRawText()}: use one of {string.Join(", ", Enum.GetNames<Sex>())}.");
                        }

                        map[entry.Name.Trim()] = sex;
                    }

                    break;
                default:
                    throw new MappingException(
                        $"'sex' has an unexpected '{property.Name}': use \"column\" (a string) and \"values\" (an object such as {{ \"F\": \"Female\", \"M\": \"Male\" }}).");
            }
        }

        values = map ?? DefaultSexValues;
        return column ?? throw new MappingException("'sex' must give the \"column\" that holds it.");
    }
}

/// <summary>A mapping whose columns were found in one CSV header: reads rows of that CSV into records.</summary>
public sealed class BoundMapping
{
    private readonly ColumnMapping _mapping;
    private readonly Dictionary<string, int> _positions;
    /// <summary>Dates of birth before this are reported as unlikely: no one on a register was born before it.</summary>
    private static readonly DateOnly EarliestLikelyBirth = new(1900, 1, 1);

    private readonly string[] _dateFormats;
    private readonly int _columns;
    private readonly DateOnly _today;

    internal BoundMapping(ColumnMapping mapping, Dictionary<string, int> positions, int columns, DateOnly today)
    {
        _mapping = mapping;
        _positions = positions;
        _dateFormats = [.. mapping.DateFormats];
        _columns = columns;
        _today = today;
    }

    /// <summary>The header's columns that no field of the mapping reads, in header order.</summary>
    public IReadOnlyList<string> UnusedColumns(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var used = _positions.Values.ToHashSet();
        return [.. header.Where((_, i) => !used.Contains(i))];
    }

    /// <summary>Whether an id column is mapped; without one, rows are known by their number.</summary>
    public bool HasIdColumn => _positions.ContainsKey("id");

    /// <summary>The value of the id column, or null when none is mapped.</summary>
    public string? Id(IReadOnlyList<string> row) => Value(row, "id");

    /// <summary>
    /// The row as a record. A date that fits none of the formats, or a sex value the mapping does not know, is read
    /// as missing and reported in <paramref name="problems"/> (identifiers and postcodes are checked by the engine,
    /// which treats invalid ones as missing). A row with fewer or more values than the header has columns, and a date of
    /// birth before 1900 or after today, are reported too, and read as they stand.
    /// </summary>
    public PersonRecord Read(IReadOnlyList<string> row, Guid id, out RowProblems problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        problems = row.Count < _columns ? RowProblems.ShortRow : row.Count > _columns ? RowProblems.LongRow : RowProblems.None;
        DateOnly? dateOfBirth = null;
        if (Value(row, "dateOfBirth") is { } date)
        {
            if (DateOnly.TryParseExact(date, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                // Kept as given: two records with the same unlikely date are still likely copies of one, but the sender
                // should know of it.
                dateOfBirth = parsed;
                problems |= parsed < EarliestLikelyBirth || parsed > _today ? RowProblems.UnlikelyDate : RowProblems.None;
            }
            else
            {
                problems |= RowProblems.UnreadableDate;
            }
        }

        var sex = Sex.NotKnown;
        if (Value(row, "sex") is { } sexValue)
        {
            if (_mapping.SexValues.TryGetValue(sexValue, out var mapped))
            {
                sex = mapped;
            }
            else
            {
                problems |= RowProblems.UnknownSexValue;
            }
        }

        // The engine reads invalid identifiers as missing and compares postcodes and phones not in the UK form as written
        // (decision 0102); say so here, so the summary can count them.
        var postcode = Value(row, "postcode");
        var nhs = Value(row, "nhsNumber");
        var upn = Value(row, "upn");
        var pnc = Value(row, "pncId");
        var (email, emailOwner) = Contact(row, "email", "emailOwner", "carerEmail");
        var (phone, phoneOwner) = Contact(row, "phone", "phoneOwner", "carerPhone");
        problems |= postcode is null || Postcodes.Normalise(postcode) is not null ? RowProblems.None
            : Postcodes.AsWritten(postcode) is not null ? RowProblems.PostcodeAsWritten : RowProblems.InvalidPostcode;
        problems |= nhs is not null && !PersonIdentifiers.IsValidNhsNumber(nhs) ? RowProblems.InvalidNhsNumber : RowProblems.None;
        problems |= upn is not null && !PersonIdentifiers.IsValidUniquePupilNumber(upn) ? RowProblems.InvalidUpn : RowProblems.None;
        problems |= pnc is not null && !PersonIdentifiers.IsValidPncId(pnc) ? RowProblems.InvalidPncId : RowProblems.None;
        problems |= email is not null && ContactDetails.NormaliseEmail(email) is null ? RowProblems.InvalidEmail : RowProblems.None;
        problems |= phone is null || ContactDetails.NormalisePhone(phone) is not null ? RowProblems.None
            : ContactDetails.PhoneAsWritten(phone) is not null ? RowProblems.PhoneAsWritten : RowProblems.InvalidPhone;
        return new PersonRecord(
            id,
            Value(row, "givenName"),
            Value(row, "familyName"),
            Value(row, "preferredName"),
            dateOfBirth,
            sex,
            postcode,
            nhs,
            upn,
            pnc,
            email,
            phone,
            Value(row, "town"),
            Value(row, "houseNumber"),
            Value(row, "street"),
            Value(row, "school"),
            Carers(row),
            Value(row, "otherIdentifier"),
            _mapping.Issuer ?? Value(row, "otherIdentifierIssuer"),
            emailOwner,
            phoneOwner);
    }

    /// <summary>
    /// A row's e-mail or phone and whose it is (decision 0092): the plain column is the child's own unless an owner
    /// column says otherwise; a carer's column is read when the plain one is empty, since a record compares one of each.
    /// </summary>
    private (string? Value, ContactOwner? Owner) Contact(IReadOnlyList<string> row, string field, string ownerField, string carerField)
    {
        if (Value(row, field) is { } value)
        {
            return (value, _positions.ContainsKey(ownerField) ? ReferralEvidence.Owner(Value(row, ownerField)) : ContactOwner.Child);
        }

        return Value(row, carerField) is { } carers ? (carers, ContactOwner.ParentOrCarer) : (null, null);
    }

    /// <summary>Every carer's name in the carers column or columns; a column may list several, separated by ';'.</summary>
    private List<string>? Carers(IReadOnlyList<string> row)
    {
        List<string>? names = null;
        for (var i = 0; _positions.ContainsKey(ColumnMapping.CarersKey(i)); i++)
        {
            foreach (var name in (Value(row, ColumnMapping.CarersKey(i)) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                (names ??= []).Add(name);
            }
        }

        return names;
    }

    private string? Value(IReadOnlyList<string> row, string field)
    {
        if (!_positions.TryGetValue(field, out var position) || position >= row.Count)
        {
            return null;
        }

        var value = row[position].Trim();
        return value.Length == 0 ? null : value;
    }
}

/// <summary>What could not be read from a row (the row is still matched on the rest).</summary>
[Flags]
public enum RowProblems
{
    None = 0,

    /// <summary>The date of birth fits none of the mapping's formats.</summary>
    UnreadableDate = 1,

    /// <summary>The sex column holds a value the mapping does not list.</summary>
    UnknownSexValue = 2,

    /// <summary>The postcode is neither a UK postcode nor anything to compare as written (no digit, or under three characters): read as missing.</summary>
    InvalidPostcode = 4,

    /// <summary>The NHS number fails its length or check digit: read as missing.</summary>
    InvalidNhsNumber = 8,

    /// <summary>The unique pupil number fails its format or check letter: read as missing.</summary>
    InvalidUpn = 16,

    /// <summary>The PNC ID fails its format or check letter: read as missing.</summary>
    InvalidPncId = 32,

    /// <summary>The e-mail address has no single @ with text either side: read as missing.</summary>
    InvalidEmail = 64,

    /// <summary>The phone number is neither a UK number nor seven to fifteen digits: read as missing.</summary>
    InvalidPhone = 128,

    /// <summary>The date of birth is before 1900 or after today: read as it is, and reported.</summary>
    UnlikelyDate = 256,

    /// <summary>The row has fewer values than the header has columns: the columns it lacks are read as empty.</summary>
    ShortRow = 512,

    /// <summary>The row has more values than the header has columns: the extra values are neither read nor written.</summary>
    LongRow = 1024,

    /// <summary>The postcode is not a UK postcode (from abroad, or mistyped out of shape): compared as written (decision 0102).</summary>
    PostcodeAsWritten = 2048,

    /// <summary>The phone number is not a UK number (from abroad, or mistyped): its digits compared as written (decision 0102).</summary>
    PhoneAsWritten = 4096,
}

/// <summary>A mapping file that cannot be used, or that does not fit the CSV; the message says why.</summary>
public sealed class MappingException : Exception
{
    public MappingException()
    {
    }

    public MappingException(string message)
        : base(message)
    {
    }

    public MappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
