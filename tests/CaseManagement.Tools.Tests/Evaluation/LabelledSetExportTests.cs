using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Tools.Evaluation;
using CsvHelper;

namespace CaseManagement.Tools.Tests.Evaluation;

public sealed class LabelledSetExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelled-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<Dictionary<string, string>> Read(string path, out string[] header)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var names = header;
            rows.Add(names.Select((name, i) => (name, value: csv.GetField(i)!)).ToDictionary(x => x.name, x => x.value));
        }

        return rows;
    }

    [Fact]
    public void Write_GecoSet_OneRowPerRecordWithItsLabelAndEveryFieldTheMatcherGets()
    {
        var labelled = GecoReferrals.Generate(new GecoReferralOptions { Count = 300, Seed = 5 }).Population.Records;
        var records = labelled.Select(r => r.Record).ToList();
        var path = Path.Combine(_folder, "geco.csv");

        var written = LabelledSetExport.Write(path, labelled, records);

        var rows = Read(path, out var header);
        Assert.Equal(LabelledSetExport.Columns, header);
        Assert.Equal(labelled.Count, written);
        Assert.Equal(labelled.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, record) = (rows[i], records[i]);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), row["row_id"]);
            Assert.Equal(labelled[i].PersonId, row["cluster_id"]);
            Assert.Equal(record.GivenName ?? string.Empty, row["given_name"]);
            Assert.Equal(record.FamilyName ?? string.Empty, row["family_name"]);
            Assert.Equal(record.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, row["date_of_birth"]);
            Assert.Equal(record.Postcode ?? string.Empty, row["postcode"]);
            Assert.Equal(record.Street ?? string.Empty, row["street"]);
            Assert.Equal(record.Phone ?? string.Empty, row["phone"].TrimStart('\''));
            Assert.Equal(record.Town ?? string.Empty, row["town"]);
            Assert.Equal(record.Email ?? string.Empty, row["email"]);
            Assert.Equal(record.NhsNumber ?? string.Empty, row["nhs_number"]);
        }

        // The generator gives this set towns, e-mails and identifiers: the columns carry them, not blanks.
        Assert.Contains(rows, r => r["email"].Contains('@', StringComparison.Ordinal));
        Assert.Contains(rows, r => r["town"].Length > 0);
        Assert.Contains(rows, r => r["nhs_number"].Length > 0);
        Assert.Equal(labelled.Select(r => r.PersonId).Distinct().Count(), rows.Select(r => r["cluster_id"]).Distinct().Count());
    }

    [Fact]
    public void Write_RecordWithEveryField_WritesEachInItsColumn()
    {
        var record = new PersonRecord(
            Guid.NewGuid(), "Siân, \"Sia\"", "Ap Rhys", "Sia", new DateOnly(2012, 3, 4), Sex.Female, "CF10 1AA", "943 476 5919",
            "A123456789012", "12/345678U", "sian@example.org", "+44 29 2000 0000", "Caerdydd", "12a", "Heol y Bont",
            "Ysgol Gymraeg", ["Mair Rhys", "Dafydd Rhys"], "C-77", "Cardiff council");
        var labelled = new LabelledRecord("r1", "P1", "F1", "original", record);
        var path = Path.Combine(_folder, "one.csv");

        LabelledSetExport.Write(path, [labelled], [record]);

        var row = Assert.Single(Read(path, out _));
        Assert.Equal(
            ["0", "P1", "F1", "Siân, \"Sia\"", "Ap Rhys", "Sia", "2012-03-04", "F", "12a", "Heol y Bont", "Caerdydd", "CF10 1AA",
             "Ysgol Gymraeg", "Mair Rhys; Dafydd Rhys", "sian@example.org", "'+44 29 2000 0000", "943 476 5919", "A123456789012",
             "12/345678U", "C-77", "Cardiff council"],
            LabelledSetExport.Columns.Select(c => row[c]));
    }

    [Fact]
    public void Write_FewerRecordsThanLabels_IsRefused()
    {
        var labelled = SyntheticReferrals.Generate(10, 1).Records;

        Assert.Throws<ArgumentException>(() => LabelledSetExport.Write(Path.Combine(_folder, "x.csv"), labelled, labelled.Skip(1).Select(r => r.Record).ToList()));
    }
}
