using CaseManagement.Application.Common.Behaviours;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Tests;

public sealed class AccessTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid OurTeam = Guid.NewGuid();
    private static readonly Guid OtherTeam = Guid.NewGuid();

    private sealed class User(string? role, params Guid[] teams) : ICurrentUser
    {
        public Guid? UserId { get; } = role is null ? null : Guid.NewGuid();

        public bool IsAuthenticated => role is not null;

        public string DisplayName => role ?? "anonymous";

        public string? IpAddress => "127.0.0.1";

        public IReadOnlyList<Guid> TeamIds => teams;

        public bool IsInRole(string name) => name == role;
    }

    [Authorize(Roles.TeamManager)]
    private sealed record ManagersOnly;

    [Authorize]
    private sealed record AnyoneSignedIn;

    private sealed record NoRuleStated;

    private static Task<string> Send<T>(T request, ICurrentUser user) =>
        new AuthorizationBehaviour<T, string>(user).Handle(request, CancellationToken.None, () => Task.FromResult("done"));

    [Fact]
    public async Task Authorization_RoleNamed_LetsThatRoleThroughAndRefusesOthers()
    {
        Assert.Equal("done", await Send(new ManagersOnly(), new User(Roles.TeamManager)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Send(new ManagersOnly(), new User(Roles.CaseManager)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Send(new ManagersOnly(), new User(null)));
    }

    [Fact]
    public async Task Authorization_NoRoleNamed_NeedsOnlyASignIn()
    {
        Assert.Equal("done", await Send(new AnyoneSignedIn(), new User(Roles.Auditor)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Send(new AnyoneSignedIn(), new User(null)));
    }

    [Fact]
    public async Task Authorization_RequestWithoutARule_IsRefusedOutright()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Send(new NoRuleStated(), new User(Roles.Administrator)));

        Assert.Contains("NoRuleStated", error.Message, StringComparison.Ordinal);
    }

    private static Referral ReferralTo(Guid team, Guid? submittedBy) =>
        Referral.Receive(
            new ReferralSubmission(team, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, new PersonDetails("Ffion", "Roberts", null, new DateOnly(2013, 1, 1), Sex.Female, null, PreferredLanguage.Welsh), submittedBy),
            "R-1",
            Now);

    [Theory]
    [InlineData(Roles.CaseManager, true, true, false)]
    [InlineData(Roles.TeamManager, true, true, false)]
    [InlineData(Roles.SecondedPractitioner, false, true, false)]
    [InlineData(Roles.Referrer, false, true, false)]
    [InlineData(Roles.PartnerSystem, false, true, false)]
    [InlineData(Roles.Administrator, false, false, false)]
    [InlineData(Roles.Auditor, false, false, false)]
    public void VisibleReferrals_ByRole_FollowNeedToKnow(string role, bool seesTeamReferral, bool seesOwnReferral, bool seesOtherTeamsReferral)
    {
        var user = new User(role, OurTeam);
        var teamReferral = ReferralTo(OurTeam, Guid.NewGuid());
        var ownReferral = ReferralTo(OtherTeam, user.UserId);
        var otherReferral = ReferralTo(OtherTeam, Guid.NewGuid());

        var visible = new[] { teamReferral, ownReferral, otherReferral }.AsQueryable().VisibleTo(user, []).ToList();

        Assert.Equal(seesTeamReferral, visible.Contains(teamReferral));
        Assert.Equal(seesOwnReferral, visible.Contains(ownReferral));
        Assert.Equal(seesOtherTeamsReferral, visible.Contains(otherReferral));
    }

    [Fact]
    public void VisibleReferrals_BreakGlass_OpensOnlyTheGrantedRecordAndOnlyForTeamRoles()
    {
        var other = ReferralTo(OtherTeam, Guid.NewGuid());
        var another = ReferralTo(OtherTeam, Guid.NewGuid());
        var referrals = new[] { other, another }.AsQueryable();

        Assert.Equal([other], referrals.VisibleTo(new User(Roles.CaseManager, OurTeam), [other.Id]).ToList());
        Assert.Empty(referrals.VisibleTo(new User(Roles.Referrer), [other.Id]));
    }

    [Fact]
    public void BreakGlassGrant_ShortReason_IsRefused()
    {
        Assert.Throws<Domain.Common.DomainRuleException>(() => BreakGlassAccess.Grant(Guid.NewGuid(), Guid.NewGuid(), OurTeam, "because", Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void SensitiveNotes_OnlyForTheOwningTeamAndTheSender()
    {
        var sender = Guid.NewGuid();

        Assert.True(new User(Roles.CaseManager, OurTeam).CanSeeSensitive(OurTeam, sender));
        Assert.False(new User(Roles.CaseManager, OtherTeam).CanSeeSensitive(OurTeam, sender));
        Assert.False(new User(Roles.SecondedPractitioner, OurTeam).CanSeeSensitive(OurTeam, sender));
        var practitioner = new User(Roles.SecondedPractitioner);
        Assert.True(practitioner.CanSeeSensitive(OurTeam, practitioner.UserId));
    }
}
