using System.Globalization;
using System.Text;
using CaseManagement.Web.Pages.Partials;
using CsvHelper;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>The one CSV writer of the pages, the API's exports and the tools: what a spreadsheet opening its file shows.</summary>
public sealed class CsvFileTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://example.invalid\",\"Open\")")]
    [InlineData("+44 7700 900123")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    public void Of_FieldStartingLikeAFormula_WrittenWithALeadingApostrophe(string value)
    {
        var file = CsvFile.Of("list.csv", ["Name", "Note"], [[value, "plain text"]]);

        var bytes = file.FileContents;
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.Read();
        Assert.Equal(["'" + value, "plain text"], csv.Parser.Record!);
    }

    [Fact]
    public void Write_ToAFile_CountsTheFieldsItEscaped()
    {
        var path = Path.GetTempFileName();
        try
        {
            var escaped = CsvFile.Write(path, ["a", "b"], [["=1", "Siôn"], ["@x", "-y"], ["Llŷr", string.Empty]]);

            Assert.Equal(3, escaped);
            Assert.Equal("a,b\r\n\"'=1\",Siôn\r\n\"'@x\",\"'-y\"\r\nLlŷr,\r\n", File.ReadAllText(path, Encoding.UTF8));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
