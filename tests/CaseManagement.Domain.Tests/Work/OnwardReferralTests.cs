using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Tests.Work;

public sealed class OnwardReferralTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static (ChildCase Case, OnwardReferral Referral) Referred(int daysAgo = 30)
    {
        var @case = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now, null);
        return (@case, OnwardReferral.Refer(@case, OnwardService.EmotionalHealth, null, Today.AddDays(-daysAgo), null, Now, null));
    }

    [Fact]
    public void DaysWaited_WhileWaiting_IsTheDaysSoFar_ThenTheDaysToTheFirstAppointment()
    {
        var (@case, referral) = Referred(30);
        Assert.Equal((OnwardReferralStatus.AwaitingDecision, 30, true), (referral.Status, referral.DaysWaited(Today), referral.IsOutstanding));
        referral.Accept(@case, Today.AddDays(-20), Now, null);
        Assert.Equal((OnwardReferralStatus.AwaitingFirstAppointment, 31), (referral.Status, referral.DaysWaited(Today.AddDays(1))));
        referral.RecordFirstAppointment(@case, Today.AddDays(-5), Now, null);
        Assert.Equal((OnwardReferralStatus.Seen, 25, false), (referral.Status, referral.DaysWaited(Today.AddDays(100)), referral.IsOutstanding));
    }

    [Fact]
    public void Declined_HasNoWaitAndIsNotOutstanding()
    {
        var (@case, referral) = Referred();
        Assert.Equal("Give the reason the service declined the referral.", Assert.Throws<DomainRuleException>(() => referral.Decline(@case, Today, "", Now, null)).Message);
        referral.Decline(@case, Today, "Not meeting the threshold", Now, null);
        Assert.Equal((OnwardReferralStatus.Declined, (int?)null, false), (referral.Status, referral.DaysWaited(Today), referral.IsOutstanding));
        Assert.Equal("The service's answer has already been recorded.", Assert.Throws<DomainRuleException>(() => referral.Accept(@case, Today, Now, null)).Message);
    }

    [Fact]
    public void Steps_OutOfOrder_AreRefused()
    {
        var (@case, referral) = Referred(10);
        Assert.Equal("Record that the service accepted the referral before its first appointment.", Assert.Throws<DomainRuleException>(() => referral.RecordFirstAppointment(@case, Today, Now, null)).Message);
        Assert.Equal("The date accepted cannot be before the date referred.", Assert.Throws<DomainRuleException>(() => referral.Accept(@case, Today.AddDays(-11), Now, null)).Message);
        Assert.Equal("The date must be today or in the past.", Assert.Throws<DomainRuleException>(() => referral.Accept(@case, Today.AddDays(1), Now, null)).Message);
        referral.Accept(@case, Today.AddDays(-4), Now, null);
        Assert.Equal("The first appointment cannot be before the referral was accepted.", Assert.Throws<DomainRuleException>(() => referral.RecordFirstAppointment(@case, Today.AddDays(-5), Now, null)).Message);
        referral.Close(@case, Today, "No longer needed", Now, null);
        Assert.Equal("This onward referral is already closed.", Assert.Throws<DomainRuleException>(() => referral.Close(@case, Today, null, Now, null)).Message);
        Assert.Equal("This onward referral is closed.", Assert.Throws<DomainRuleException>(() => referral.RecordFirstAppointment(@case, Today, Now, null)).Message);
    }

    [Fact]
    public void Refer_ToAnotherServiceWithoutItsName_OrInTheFuture_IsRefused()
    {
        var @case = ChildCase.Open(Guid.NewGuid(), Guid.NewGuid(), Now, null);
        Assert.Equal("Name the service the child is referred to.", Assert.Throws<DomainRuleException>(() => OnwardReferral.Refer(@case, OnwardService.Other, " ", Today, null, Now, null)).Message);
        Assert.Equal("The date referred must be today or in the past.", Assert.Throws<DomainRuleException>(() => OnwardReferral.Refer(@case, OnwardService.Housing, null, Today.AddDays(1), null, Now, null)).Message);
    }
}
