using System.IO.Compression;
using System.Text;
using CaseManagement.Domain.Records;

namespace CaseManagement.Domain.Tests.Records;

public sealed class FileTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, ".pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ".png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ".jpg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, ".gif")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, ".doc")]
    public void Identify_KnownMagicBytes_AnswersTheType(byte[] content, string extension) =>
        Assert.Equal(extension, FileTypes.Identify(content)?.Extension);

    [Fact]
    public void Identify_WordDocument_IsDocx_AndAnyOtherZipIsRefused()
    {
        Assert.Equal(".docx", FileTypes.Identify(Zip("[Content_Types].xml", "word/document.xml"))?.Extension);
        Assert.Null(FileTypes.Identify(Zip("[Content_Types].xml", "xl/workbook.xml")));
        Assert.Null(FileTypes.Identify([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Theory]
    [InlineData("Cyfarfod ag Siôn ddydd Llun.\r\nDim pryderon.\n", true)]
    [InlineData("<!doctype html><p>hi</p>", false)]
    [InlineData("  <svg onload=alert(1)>", false)]
    [InlineData("<?xml version=\"1.0\"?><x/>", false)]
    [InlineData("#!/bin/sh\nrm -rf /\n", false)]
    [InlineData("\u007fELF\u0002\u0001", false)]
    public void Identify_Text_IsPlainTextUnlessABrowserOrShellWouldRunIt(string text, bool kept) =>
        Assert.Equal(kept, FileTypes.Identify(Encoding.UTF8.GetBytes(text)) is not null);

    [Fact]
    public void Identify_InvalidUtf8_IsRefused() => Assert.Null(FileTypes.Identify([0x68, 0x69, 0xC3, 0x28]));

    [Theory]
    [InlineData("../../wwwroot/evil.html", ".pdf", "evil.pdf")]
    [InlineData("C:\\Users\\x\\Report: autumn?.docx", ".docx", "Report autumn.docx")]
    [InlineData(".htaccess", ".txt", "htaccess.txt")]
    [InlineData("/", ".png", "document.png")]
    [InlineData("name\u202Etxt.exe", ".pdf", "nametxt.pdf")]
    public void CleanName_KeepsOnlyASafeLastPart_WithTheRealExtension(string sent, string extension, string kept) =>
        Assert.Equal(kept, FileTypes.CleanName(sent, extension));

    [Fact]
    public void CleanName_LongName_IsCutToTheColumnsLength() =>
        Assert.Equal(Document.FileNameMaxLength, FileTypes.CleanName(new string('a', 500) + ".pdf", ".pdf").Length);

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }
}
