using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Tests.Work;

public sealed class ContactTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Sian = Guid.NewGuid();

    private static ChildCase Open() => ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10), null);

    private static ContactDetails At(DateTime startsAtUtc, string? summary = "Talked about school.") =>
        new(DateOnly.FromDateTime(startsAtUtc), startsAtUtc, 60, ContactKind.HomeVisit, "Home", true, "Mum", [new ContactProfessional("Ffion Rees", "Ysgol")], [Sian], [], summary, "Sensitive.");

    [Fact]
    public void Record_Attended_IsOnTheTimelineOnTheContactsDay()
    {
        var (contact, rearranged) = Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-2)), ContactOutcome.Attended, null, null, null, Now, Sian);

        Assert.Null(rearranged);
        var recorded = Assert.Single(contact.Events.OfType<ITimelineEvent>());
        Assert.Equal(TimelineKind.ContactRecorded, recorded.Kind);
        Assert.Equal(contact.Id.ToString(), recorded.Detail);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(-2)), recorded.OccurredOn);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(-2)), TimelineEntry.FromEvent(recorded).OccurredOn);
    }

    [Fact]
    public void Record_Planned_IsNotOnTheTimelineUntilItsOutcomeIsSaid()
    {
        var work = Open();
        var (contact, _) = Contact.Record(Guid.NewGuid(), work, At(Now.AddDays(3)), ContactOutcome.Planned, null, null, null, Now, Sian);
        Assert.Empty(contact.Events);

        contact.SetOutcome(work, DateOnly.FromDateTime(Now.AddDays(3)), ContactOutcome.Cancelled, ContactCancelledBy.ParentOrCarer, "Mum is unwell.", null, null, Now, Sian);

        Assert.Equal(ContactOutcome.Cancelled, contact.Outcome);
        Assert.Equal("Mum is unwell.", contact.CancelReason);
        Assert.Single(contact.Events.OfType<ITimelineEvent>());
    }

    [Fact]
    public void Record_AttendedInTheFuture_IsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), Open(), At(Now.AddHours(2)), ContactOutcome.Attended, null, null, null, Now, Sian));

        Assert.Equal("A contact that has not happened yet can only be planned, cancelled or rearranged.", rule.Message);
    }

    [Fact]
    public void Record_AttendedWithinAQuarterOfAnHour_IsAllowed()
    {
        var (contact, _) = Contact.Record(Guid.NewGuid(), Open(), At(Now.AddMinutes(10)), ContactOutcome.Attended, null, null, null, Now, Sian);

        Assert.Equal(ContactOutcome.Attended, contact.Outcome);
    }

    [Fact]
    public void Record_PlannedInThePast_IsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1)), ContactOutcome.Planned, null, null, null, Now, Sian));

        Assert.Equal("Outcome", rule.Field);
    }

    [Fact]
    public void Record_AttendedWithoutASummary_IsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1), summary: " "), ContactOutcome.Attended, null, null, null, Now, Sian));

        Assert.Equal("Write a short summary of the contact.", rule.Message);
    }

    [Fact]
    public void Record_CancelledWithoutWhoOrWhy_IsRefused()
    {
        var who = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1)), ContactOutcome.Cancelled, null, "Ill", null, Now, Sian));
        var why = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1)), ContactOutcome.Cancelled, ContactCancelledBy.Child, null, null, Now, Sian));

        Assert.Equal("Say who cancelled the contact.", who.Message);
        Assert.Equal("Say why the contact was cancelled.", why.Message);
    }

    [Fact]
    public void Record_OnAClosedCase_IsRefused()
    {
        var work = Open();
        work.Allocate(Sian, Now.AddDays(-5), null, null, 42);
        work.Close(ClosureReason.FamilyDeclined, DateOnly.FromDateTime(Now), [], null, Now, null);

        var rule = Assert.Throws<DomainRuleException>(() => Contact.Record(Guid.NewGuid(), work, At(Now.AddDays(-1)), ContactOutcome.Attended, null, null, null, Now, Sian));

        Assert.Equal("A closed case cannot have new contacts. Reopen it first.", rule.Message);
    }

    [Fact]
    public void Rearrange_MakesTheNewPlannedContactWithTheSamePeople_AndStaysRearranged()
    {
        var work = Open();
        var (contact, _) = Contact.Record(Guid.NewGuid(), work, At(Now.AddDays(1)), ContactOutcome.Planned, null, null, null, Now, Sian);
        var newTime = Now.AddDays(8);

        var moved = contact.SetOutcome(work, DateOnly.FromDateTime(Now.AddDays(1)), ContactOutcome.Rearranged, null, null, null, At(newTime) with { WorkerIds = [] }, Now, Sian);

        Assert.NotNull(moved);
        Assert.Equal(ContactOutcome.Planned, moved.Outcome);
        Assert.Equal(newTime, moved.StartsAtUtc);
        Assert.Equal(contact.Id, moved.RearrangedFromContactId);
        Assert.Equal(moved.Id, contact.RearrangedToContactId);
        Assert.Equal([Sian], moved.Workers.Select(w => w.UserId));
        Assert.Equal(["Ffion Rees"], moved.Professionals.Select(p => p.Name));
        Assert.Null(moved.SensitiveNotes);
        var rule = Assert.Throws<DomainRuleException>(() => contact.SetOutcome(work, DateOnly.FromDateTime(Now), ContactOutcome.Attended, null, null, "Came.", null, Now, Sian));
        Assert.Equal("A rearranged contact stays rearranged: change the contact it was moved to instead.", rule.Message);
    }

    [Fact]
    public void Rearrange_ToAPastDate_IsRefused()
    {
        var work = Open();
        var (contact, _) = Contact.Record(Guid.NewGuid(), work, At(Now.AddDays(1)), ContactOutcome.Planned, null, null, null, Now, Sian);

        var rule = Assert.Throws<DomainRuleException>(() => contact.SetOutcome(work, DateOnly.FromDateTime(Now), ContactOutcome.Rearranged, null, null, null, At(Now.AddDays(-1)), Now, Sian));

        Assert.Equal("NewDay", rule.Field);
    }

    [Fact]
    public void Change_CountsTheRevision_AndKeepsTheWorkersThatStay()
    {
        var (contact, _) = Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1)), ContactOutcome.Attended, null, null, null, Now, Sian);
        var kept = contact.Workers.Single();
        var other = Guid.NewGuid();

        contact.Change(At(Now.AddDays(-1)) with { WorkerIds = [Sian, other], Summary = "Corrected." }, Now, other);

        Assert.Equal(1, contact.Revision);
        Assert.Equal("Corrected.", contact.Summary);
        Assert.Same(kept, contact.Workers.Single(w => w.UserId == Sian));
        Assert.Equal(other, contact.UpdatedByUserId);
        Assert.Single(contact.Events);
    }

    [Fact]
    public void Change_WithNoWorkers_IsRefused()
    {
        var (contact, _) = Contact.Record(Guid.NewGuid(), Open(), At(Now.AddDays(-1)), ContactOutcome.Attended, null, null, null, Now, Sian);

        var rule = Assert.Throws<DomainRuleException>(() => contact.Change(At(Now.AddDays(-1)) with { WorkerIds = [] }, Now, Sian));

        Assert.Equal("Choose at least one worker.", rule.Message);
    }
}
