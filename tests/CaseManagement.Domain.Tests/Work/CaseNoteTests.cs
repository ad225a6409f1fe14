using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Tests.Work;

public sealed class CaseNoteTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Sian = Guid.NewGuid();

    private static CaseNote Note(string text = "Rang the school.") =>
        CaseNote.Write(Guid.NewGuid(), ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10), null), CaseNoteCategory.PhoneCall, TimelineVisibility.EveryoneOnTheCase, text, Now, Sian);

    [Fact]
    public void Edit_KeepsTheEarlierWordingAsAVersion()
    {
        var note = Note();

        note.Edit(CaseNoteCategory.Education, TimelineVisibility.TeamOnly, "Rang the school about attendance.", Now.AddHours(1), Sian);

        Assert.Equal(2, note.Revision);
        Assert.Equal("Rang the school about attendance.", note.Text);
        var before = Assert.Single(note.Versions);
        Assert.Equal(("Rang the school.", CaseNoteCategory.PhoneCall, TimelineVisibility.EveryoneOnTheCase, Now, 1), (before.Text, before.Category, before.Visibility, before.WrittenAtUtc, before.Revision));
        Assert.Equal(Now.AddHours(1), note.EditedAtUtc);
    }

    [Fact]
    public void Edit_NothingChanged_KeepsNoVersion()
    {
        var note = Note();

        note.Edit(CaseNoteCategory.PhoneCall, TimelineVisibility.EveryoneOnTheCase, " Rang the school. ", Now.AddHours(1), Sian);

        Assert.Empty(note.Versions);
        Assert.Equal(1, note.Revision);
        Assert.Null(note.EditedAtUtc);
    }

    [Fact]
    public void Write_FoldsTheTextForSearch_WelshLettersToo()
    {
        var note = Note("Ŵyr Mrs PRITCHARD");

        Assert.Equal("ŵyr mrs pritchard", note.SearchText);
        Assert.Contains(CaseNote.Fold("ŴYR"), note.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Empty_IsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Note("   "));

        Assert.Equal("Write the note.", rule.Message);
    }
}
