using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Tests.Evaluation;

public sealed class ColumnMappingTests
{
    private const string Full = """
        {
          "id": "Ref",
          "givenName": "Forename",
          "familyName": "Surname",
          "preferredName": "Known as",
          "dateOfBirth": { "column": "D.O.B.", "formats": ["yyyy-MM-dd", "dd/MM/yyyy"] },
          "sex": { "column": "Gender", "values": { "F": "Female", "M": "Male", "X": "NotStated" } },
          "postcode": "Post Code",
          "nhsNumber": "NHS No",
          "upn": "UPN",
          "pncId": "PNC"
        }
        """;

    private static readonly string[] Header = ["Ref", "Forename", "Surname", "Known as", "D.O.B.", "Gender", "Post Code", "NHS No", "UPN", "PNC", "Notes"];

    private static MappingException Refused(string json) => Assert.Throws<MappingException>(() => ColumnMapping.Parse(json));

    [Fact]
    public void Parse_EveryField_ReadsColumnsFormatsAndSexValues()
    {
        var mapping = ColumnMapping.Parse(Full);

        Assert.Equal(10, mapping.Columns.Count);
        Assert.Equal("D.O.B.", mapping.Columns["dateOfBirth"]);
        Assert.Equal("Gender", mapping.Columns["sex"]);
        Assert.Equal(["yyyy-MM-dd", "dd/MM/yyyy"], mapping.DateFormats);
        Assert.Equal(Sex.NotStated, mapping.SexValues["x"]);
    }

    [Fact]
    public void Parse_PlainColumnNamesAnyCaseOfFieldNames_DefaultFormatsAndSexValues()
    {
        var mapping = ColumnMapping.Parse("""{ "GivenName": "first", "familyname": "last", "dateOfBirth": "dob", "sex": "sex", "postcode": null }""");

        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], mapping.Columns.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ColumnMapping.DefaultDateFormats, mapping.DateFormats);
        Assert.Equal(Sex.Female, mapping.SexValues["girl"]);
        Assert.Equal(Sex.Male, mapping.SexValues["M"]);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        Assert.Contains("not valid JSON", Refused("{ givenName: ").Message, StringComparison.Ordinal);
        Assert.Contains("JSON object", Refused("[\"Forename\"]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_NamesItAndListsTheFields()
    {
        var error = Refused("""{ "forename": "First" }""");

        Assert.Contains("'forename'", error.Message, StringComparison.Ordinal);
        Assert.Contains("givenName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dd/mm/yyyy")]
    [InlineData("yyyy")]
    [InlineData("MM/yyyy")]
    [InlineData("HH:mm")]
    [InlineData("%")]
    public void Parse_DateFormatWithoutDayMonthAndYear_Refused(string format)
    {
        var error = Refused($$"""{ "dateOfBirth": { "column": "DOB", "format": "{{format}}" } }""");

        Assert.Contains($"'{format}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MM is the month", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "givenName": "" }""", "empty")]
    [InlineData("""{ "givenName": 3 }""", "must be a column name")]
    [InlineData("""{ "dateOfBirth": { "format": "dd/MM/yyyy" } }""", "\"column\"")]
    [InlineData("""{ "dateOfBirth": { "column": "DOB", "formats": "dd/MM/yyyy" } }""", "unexpected 'formats'")]
    [InlineData("""{ "sex": { "column": "Gender", "values": { "G": "Girl" } } }""", "use one of NotKnown, Female, Male, NotStated")]
    [InlineData("""{ "sex": { "values": { "F": "Female" } } }""", "\"column\"")]
    [InlineData("""{ "id": "Ref" }""", "no field to compare")]
    [InlineData("""{ "givenName": "A", "givenname": "B" }""", "twice")]
    public void Parse_MalformedField_ExplainsWhat(string json, string expected)
    {
        Assert.Contains(expected, Refused(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ColumnsMissingFromTheHeader_NamesEachAndListsTheColumns()
    {
        var mapping = ColumnMapping.Parse("""{ "givenName": "Forename", "familyName": "Last name", "dateOfBirth": "DOB" }""");

        var error = Assert.Throws<MappingException>(() => mapping.Bind(Header));

        Assert.Contains("'Last name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'DOB'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Forename', which", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Notes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DifferentCaseAndSpaces_FoundWhenUnambiguous()
    {
        var mapping = ColumnMapping.Parse("""{ "givenName": "forename", "familyName": " SURNAME " }""");

        var bound = mapping.Bind(Header);
        var record = bound.Read(["R1", "Ffion", "Jones"], Guid.Empty, out _);

        Assert.Equal("Ffion", record.GivenName);
        Assert.Equal("Jones", record.FamilyName);
    }

    [Fact]
    public void Bind_ColumnTwiceInHeader_Refused()
    {
        var mapping = ColumnMapping.Parse("""{ "givenName": "Name" }""");

        var error = Assert.Throws<MappingException>(() => mapping.Bind(["name", "NAME"]));

        Assert.Contains("2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Row_EveryFieldTrimmedAndConverted()
    {
        var bound = ColumnMapping.Parse(Full).Bind(Header);
        string[] row = ["A-1", " Dafydd ", "Pritchard", "Dai", "2012-04-03", "m", "cf37 1ab", "943 476 5919", "B801200005001", "12/345678U", "a note"];
        var id = Guid.NewGuid();

        var record = bound.Read(row, id, out var problems);

        Assert.Equal(RowProblems.None, problems);
        Assert.Equal(new PersonRecord(id, "Dafydd", "Pritchard", "Dai", new DateOnly(2012, 4, 3), Sex.Male, "cf37 1ab", "943 476 5919", "B801200005001", "12/345678U"), record);
        Assert.Equal("A-1", bound.Id(row));
        Assert.True(bound.HasIdColumn);
    }

    [Fact]
    public void Read_PlainContactColumns_TheChildsOwn_CarersColumnsTheHomes()
    {
        // Decision 0092: a plain email or phone column is the child's own; a carer's column is read when it is empty.
        var bound = ColumnMapping.Parse("""{ "familyName": "Surname", "email": "Email", "phone": "Mobile", "carerEmail": "Parent email", "carerPhone": "Parent phone" }""")
            .Bind(["Surname", "Email", "Mobile", "Parent email", "Parent phone"]);

        var own = bound.Read(["Pritchard", "cerys@example.com", "07700 900123", "sian@example.com", "07700 900999"], Guid.Empty, out _);
        var carers = bound.Read(["Pritchard", "", "", "sian@example.com", "07700 900999"], Guid.Empty, out _);

        Assert.Equal(("cerys@example.com", (ContactOwner?)ContactOwner.Child, "07700 900123", (ContactOwner?)ContactOwner.Child), (own.Email, own.EmailOwner, own.Phone, own.PhoneOwner));
        Assert.Equal(("sian@example.com", (ContactOwner?)ContactOwner.ParentOrCarer, "07700 900999", (ContactOwner?)ContactOwner.ParentOrCarer), (carers.Email, carers.EmailOwner, carers.Phone, carers.PhoneOwner));
    }

    [Fact]
    public void Read_OwnerColumn_SaysWhoseEachRowsContactIs_BlankNotSaid()
    {
        var bound = ColumnMapping.Parse("""{ "familyName": "Surname", "phone": "Phone", "phoneOwner": "Whose" }""").Bind(["Surname", "Phone", "Whose"]);

        var parents = bound.Read(["Pritchard", "07700 900123", "parentorcarer"], Guid.Empty, out _);
        var notSaid = bound.Read(["Pritchard", "07700 900123", ""], Guid.Empty, out _);

        Assert.Equal(ContactOwner.ParentOrCarer, parents.PhoneOwner);
        Assert.Null(notSaid.PhoneOwner);
    }

    [Fact]
    public void Read_SecondDateFormatEmptyAndShortRows_MissingNotErrors()
    {
        var bound = ColumnMapping.Parse(Full).Bind(Header);

        var second = bound.Read(["A-2", "Ffion", "Jones", "", "03/04/2012", "", ""], Guid.Empty, out var problems);

        // Read all the same; the summary says how many rows were short.
        Assert.Equal(RowProblems.ShortRow, problems);
        Assert.Equal(new DateOnly(2012, 4, 3), second.DateOfBirth);
        Assert.Null(second.PreferredName);
        Assert.Equal(Sex.NotKnown, second.Sex);
        Assert.Null(second.Postcode);
        Assert.Null(second.PncId);
    }

    [Fact]
    public void Read_UnreadableDateAndUnknownSex_ReportedAndReadAsMissing()
    {
        var bound = ColumnMapping.Parse(Full).Bind(Header);

        var record = bound.Read(["A-3", "Ffion", "Jones", "", "3rd April 2012", "Girl", "", "", "", "", ""], Guid.Empty, out var problems);

        Assert.Equal(RowProblems.UnreadableDate | RowProblems.UnknownSexValue, problems);
        Assert.Null(record.DateOfBirth);
        Assert.Equal(Sex.NotKnown, record.Sex);
    }

    [Theory]
    [InlineData("1899-12-31", RowProblems.UnlikelyDate)]
    [InlineData("1900-01-01", RowProblems.None)]
    [InlineData("2026-12-06", RowProblems.None)]
    [InlineData("2026-12-07", RowProblems.UnlikelyDate)]
    [InlineData("2100-01-01", RowProblems.UnlikelyDate)]
    public void Read_DateBefore1900OrAfterToday_ReportedButKept(string date, RowProblems expected)
    {
        var bound = ColumnMapping.Parse(Full).Bind(Header, today: new DateOnly(2026, 12, 6));

        var record = bound.Read(["A-4", "Ffion", "Jones", "", date, "F", "", "", "", "", ""], Guid.Empty, out var problems);

        Assert.Equal(expected, problems);
        Assert.Equal(DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), record.DateOfBirth);
    }

    [Fact]
    public void Read_MoreValuesThanColumns_Reported()
    {
        var bound = ColumnMapping.Parse(Full).Bind(Header);

        var record = bound.Read(["A-5", "Ffion", "Jones", "", "2012-04-03", "F", "", "", "", "", "", "stray"], Guid.Empty, out var problems);

        Assert.Equal(RowProblems.LongRow, problems);
        Assert.Equal("Ffion", record.GivenName);
    }

    [Fact]
    public void Read_NoIdColumn_HasNoIds()
    {
        var bound = ColumnMapping.Parse("""{ "givenName": "Forename" }""").Bind(Header);

        Assert.False(bound.HasIdColumn);
        Assert.Null(bound.Id(["A-1", "Ffion"]));
    }

    [Fact]
    public void Read_AddressSchoolCarersAndOtherIdentifier_EachFromItsColumns()
    {
        var mapping = ColumnMapping.Parse("""
            {
              "givenName": "Forename",
              "houseNumber": "House",
              "street": "Street",
              "school": "School",
              "carers": ["Parent 1", "Parent 2"],
              "otherIdentifier": { "column": "Council ID", "issuer": "Rhondda Cynon Taf" }
            }
            """);
        var bound = mapping.Bind(["Forename", "House", "Street", "School", "Parent 1", "Parent 2", "Council ID"]);

        var record = bound.Read(["Ffion", "12a", "Heol y Bont", "Ysgol Gyfun Rhydywaun", "Siân Jones; Gareth Jones", "", "RCT-4512"], Guid.Empty, out var problems);

        Assert.Equal(RowProblems.None, problems);
        Assert.Equal(("12a", "Heol y Bont", "Ysgol Gyfun Rhydywaun"), (record.HouseNumber, record.Street, record.School));
        Assert.Equal(["Siân Jones", "Gareth Jones"], record.Carers!);
        Assert.Equal(("RCT-4512", "Rhondda Cynon Taf"), (record.OtherIdentifier, record.OtherIdentifierIssuer));
    }

    [Fact]
    public void Read_OtherIdentifierIssuerColumn_ReadPerRow()
    {
        var bound = ColumnMapping.Parse("""{ "otherIdentifier": "ID", "otherIdentifierIssuer": "Issued by" }""").Bind(["ID", "Issued by"]);

        var record = bound.Read(["4512", "Cardiff Council"], Guid.Empty, out _);

        Assert.Equal(("4512", "Cardiff Council"), (record.OtherIdentifier, record.OtherIdentifierIssuer));
    }

    [Theory]
    [InlineData("""{ "otherIdentifier": "ID" }""", "needs its issuer")]
    [InlineData("""{ "otherIdentifier": { "column": "ID", "issuer": "A" }, "otherIdentifierIssuer": "B" }""", "not both")]
    [InlineData("""{ "carers": [1, 2] }""", "list of column names")]
    public void Parse_OtherIdentifierAndCarersMisused_ExplainsWhat(string json, string expected) =>
        Assert.Contains(expected, Refused(json).Message, StringComparison.Ordinal);
}
