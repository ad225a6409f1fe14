using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

/// <summary>The engine's sentences as words and values, read back from what it wrote (decision 0095).</summary>
public sealed class MatchWordsTests
{
    public static TheoryData<string> Texts() => [.. MatchTexts.All];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_EverySentenceAsTheEngineWritesIt_TheSameWordsAndValues(string text)
    {
        var values = Enumerable.Range(0, 3).Select(i => $"v{i} (known as x): z").ToArray();
        var count = System.Text.RegularExpressions.Regex.Count(text, @"\{\d+\}");
        var written = MatchWords.Of(text, values[..count]).ToString();

        var words = Assert.Single(MatchWords.Read(written));

        Assert.Equal(text, words.Text);
        Assert.Equal(values[..count], words.Values);
    }

    [Fact]
    public void Read_ARulesSentenceAndItsGround_TwoSentences()
    {
        var written = MatchWords.Of(MatchTexts.TwinDifferentGivenNames, "Nia", "Lowri (known as Lo)") + " " + MatchTexts.SharedHomeGivenName;

        var words = MatchWords.Read(written);

        Assert.Equal([MatchTexts.TwinDifferentGivenNames, MatchTexts.SharedHomeGivenName], words.Select(w => w.Text));
        Assert.Equal(["Nia", "Lowri (known as Lo)"], words[0].Values);
        Assert.Equal(written, string.Join(' ', words.Select(w => w.ToString())));
    }

    [Fact]
    public void Read_ASentenceNotInTheCatalogue_KeptAsWrittenAndTheRestStillRead()
    {
        // A ground added to the engine before its words reach the catalogue: that sentence stays English, the rule's does not.
        var written = MatchTexts.Sibling + " Some new ground, so this caution is set aside.";

        var words = MatchWords.Read(written);

        Assert.Equal([MatchTexts.Sibling, "Some new ground, so this caution is set aside."], words.Select(w => w.Text));
        Assert.Empty(words[1].Values);
        Assert.Empty(MatchWords.Read(null));
    }

    [Fact]
    public void Format_AWelshFormatThatAsksForAValueNotThere_TheEnglishSentence()
    {
        var words = MatchWords.Of(MatchTexts.CloseSpelling, "0.931");

        Assert.Equal("sillafiad agos (Jaro-Winkler 0.931)", words.Format("sillafiad agos (Jaro-Winkler {0})", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("close spelling (Jaro-Winkler 0.931)", words.Format("{0} {1}", System.Globalization.CultureInfo.InvariantCulture));
    }
}
