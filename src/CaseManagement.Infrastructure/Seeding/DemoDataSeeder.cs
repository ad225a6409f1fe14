using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Seeding;

/// <summary>The <c>DemoData</c> section: whether to seed a living demo system, and the demo users' password.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool Enabled { get; set; }

    public string? Password { get; set; }
}

/// <summary>A demo user the README prints: one per role.</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role, AgencyKind Agency);

/// <summary>
/// Seeds a team, the agencies, one user per role and a handful of fictional children and referrals,
/// so that a newcomer sees a living system. Runs once, on an empty database, after the roles exist, and never in Production.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, UserManager<ApplicationUser> users, IOptions<DemoDataOptions> options, TimeProvider clock, ChildMatcher matcher, ILogger<DemoDataSeeder> logger)
{
    public const string TeamName = "Cwm Taf Prevention Team";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("casemanager@demo.example", "Siân Evans", Roles.CaseManager, AgencyKind.YouthOffendingService),
        new("teammanager@demo.example", "Gareth Morgan", Roles.TeamManager, AgencyKind.YouthOffendingService),
        new("practitioner@demo.example", "PC Rhys Davies", Roles.SecondedPractitioner, AgencyKind.Police),
        new("referrer@demo.example", "Anna Price", Roles.Referrer, AgencyKind.Education),
        new("admin@demo.example", "Dylan Hughes", Roles.Administrator, AgencyKind.YouthOffendingService),
        new("auditor@demo.example", "Carys Jenkins", Roles.Auditor, AgencyKind.YouthOffendingService),
        new("mash-system@demo.example", "MASH referral system (demo)", Roles.PartnerSystem, AgencyKind.SocialCare),
    ];

    private static readonly (string Name, AgencyKind Kind)[] AgencyNames =
    [
        ("South Wales Police (demo)", AgencyKind.Police),
        ("Cwm Taf Morgannwg Health Board (demo)", AgencyKind.Health),
        ("Rhondda Cynon Taf Education (demo)", AgencyKind.Education),
        ("Rhondda Cynon Taf Children's Services (demo)", AgencyKind.SocialCare),
        ("Cwm Taf Youth Offending Service (demo)", AgencyKind.YouthOffendingService),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Password))
        {
            throw new InvalidOperationException("DemoData:Password must be set to seed the demo users.");
        }

        if (await db.Teams.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = AgencyNames.Select(a => Agency.Create(a.Name, a.Kind)).ToDictionary(a => a.Kind);
        db.Agencies.AddRange(agencies.Values);
        var team = Team.Create(TeamName, agencies[AgencyKind.YouthOffendingService].Id);
        db.Teams.Add(team);
        db.InterventionKinds.AddRange(Domain.Work.InterventionKind.StandardFor(team.Id, now));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var demo in Users)
        {
            var user = new ApplicationUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, AgencyId = agencies[demo.Agency].Id };
            AccountBootstrapper.Check(await users.CreateAsync(user, options.Value.Password));
            AccountBootstrapper.Check(await users.AddToRoleAsync(user, demo.Role));
            if (demo.Role is not (Roles.Referrer or Roles.Administrator or Roles.Auditor or Roles.PartnerSystem))
            {
                db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = team.Id });
            }
        }

        // Referrals the demo practitioner and referrer sent themselves, so they see them.
        var submitters = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var demo in Users.Where(u => u.Role is Roles.SecondedPractitioner or Roles.Referrer))
        {
            var account = await users.FindByEmailAsync(demo.Email);
            submitters[demo.DisplayName] = account!.Id;
        }

        var arriving = SeedChildrenAndReferrals(team.Id, agencies, now, submitters);
        await db.SaveChangesAsync(cancellationToken);
        await SeedCaseWorkAsync(team, now, cancellationToken);

        // The last referrals arrive as any other would: matching links, asks a person, or registers a new child.
        foreach (var referral in arriving)
        {
            db.Referrals.Add(referral);
            await matcher.IntakeAsync(referral, referral.ReceivedAtUtc, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogSeeded(logger, Users.Count);
    }

    private List<Referral> SeedChildrenAndReferrals(Guid teamId, Dictionary<AgencyKind, Agency> agencies, DateTime now, Dictionary<string, Guid> submitters)
    {
        var today = DateOnly.FromDateTime(now);
        PersonDetails Person(string given, string family, string? preferred, int ageYears, int dayOffset, Sex sex, string postcode, PreferredLanguage language) =>
            new(given, family, preferred, today.AddYears(-ageYears).AddDays(-dayOffset), sex, postcode, language);

        var people = new[]
        {
            Person("Dafydd", "Williams", "Dai", 14, 37, Sex.Male, "CF37 1DL", PreferredLanguage.Welsh),
            Person("Ffion", "Roberts", null, 13, 120, Sex.Female, "CF40 2XX", PreferredLanguage.Welsh),
            Person("Tyler", "Jones", null, 15, 200, Sex.Male, "CF44 7AB", PreferredLanguage.English),
            Person("Megan", "Thomas-Lewis", null, 12, 15, Sex.Female, "CF38 1AA", PreferredLanguage.English),
            Person("Siôn", "Price", "Ioan", 16, 90, Sex.Male, "CF39 9ZZ", PreferredLanguage.Welsh),
            Person("Leah", "O'Connor", null, 11, 250, Sex.Female, "CF45 4QQ", PreferredLanguage.English),
        };

        var children = people.Select((p, i) => Child.Register(teamId, p, now.AddDays(-60 + i))).ToList();
        db.Children.AddRange(children);
        children.ForEach(matcher.Index);

        var referrals = new (int Child, ReferralSource Source, AgencyKind Agency, string Referrer, string Concerns, ReferralUrgency Urgency, int DaysAgo, string? Occurrence, string? Sensitive, string? Outcome)[]
        {
            (0, ReferralSource.PoliceNeighbourhoodTeam, AgencyKind.Police, "PC Rhys Davies", "Seen with older young people near the retail park after dark on several evenings; family worried about who he spends time with.", ReferralUrgency.Routine, 40, "62230012345", null, "accept"),
            (0, ReferralSource.Mash, AgencyKind.SocialCare, "MASH duty social worker", "Same concerns shared through the MASH after a school contact.", ReferralUrgency.Routine, 38, null, null, "open"),
            (1, ReferralSource.Education, AgencyKind.Education, "Anna Price", "Attendance has fallen to 62% this term and Ffion has had two fixed-term exclusions.", ReferralUrgency.Routine, 30, null, null, null),
            (2, ReferralSource.PoliceOutOfCourtDisposal, AgencyKind.Police, "PC Rhys Davies", "Youth restorative disposal for criminal damage at the bus station; Tyler was open about what happened.", ReferralUrgency.Urgent, 21, "62230067890", null, "accept"),
            (3, ReferralSource.ChildrensSocialCare, AgencyKind.SocialCare, "Children's services duty team", "Family has asked for support after incidents of anger at home following a bereavement.", ReferralUrgency.Routine, 14, null, null, null),
            (4, ReferralSource.Health, AgencyKind.Health, "School nurse", "Low mood and cannabis use disclosed at a school nurse drop-in; Ioan wants help.", ReferralUrgency.Routine, 7, null, "Ioan has been referred to CAMHS for an assessment of low mood; he asked that his parents are not told about the cannabis use yet.", null),
            (5, ReferralSource.ChildOrFamily, AgencyKind.YouthOffendingService, "Leah's mother", "Leah has been bullied and was involved in a fight; her mother asked for help.", ReferralUrgency.Routine, 2, null, null, "signpost"),
        };

        var number = 0;
        var cases = new Dictionary<int, ChildCase>();
        foreach (var r in referrals)
        {
            number++;
            var submission = new ReferralSubmission(teamId, r.Source, r.Referrer, agencies[r.Agency].Id, r.Occurrence, r.Concerns, r.Urgency, people[r.Child], submitters.TryGetValue(r.Referrer, out var submitter) ? submitter : null, r.Sensitive);
            var referral = Referral.Receive(submission, $"R-DEMO-{number:D4}", now.AddDays(-r.DaysAgo));
            var received = now.AddDays(-r.DaysAgo);
            referral.LinkToChild(children[r.Child].Id, received);
            matcher.Index(referral);
            switch (r.Outcome)
            {
                case "accept":
                    var opened = ChildCase.Open(teamId, children[r.Child].Id, received.AddDays(2), null);
                    db.Cases.Add(opened);
                    cases[r.Child] = opened;
                    referral.Accept(received.AddDays(2), null, opened, childAlreadyOpen: false);
                    break;
                case "open":
                    referral.Accept(received.AddDays(3), null, cases[r.Child], childAlreadyOpen: true);
                    break;
                case "signpost":
                    referral.Signpost("Signposted to the school's anti-bullying support and the family support service.", received.AddDays(1), null);
                    break;
            }

            db.Referrals.Add(referral);
        }

        var unlinked = new ReferralSubmission(teamId, ReferralSource.PoliceNeighbourhoodTeam, "PC Rhys Davies", agencies[AgencyKind.Police].Id, "62230099999", "Dai Williams named again in a report of antisocial behaviour at the park.", ReferralUrgency.Routine, Person("Dai", "Williams", null, 14, 37, Sex.Male, "CF37 1DL", PreferredLanguage.Welsh));
        var twin = new ReferralSubmission(teamId, ReferralSource.Education, "Anna Price", agencies[AgencyKind.Education].Id, null, "Cerys has been missing lessons with her sister and was found off site twice this month.", ReferralUrgency.Routine, Person("Cerys", "Roberts", null, 13, 120, Sex.Female, "CF40 2XX", PreferredLanguage.Welsh));
        var uncertain = new ReferralSubmission(teamId, ReferralSource.Mash, "MASH duty social worker", agencies[AgencyKind.SocialCare].Id, null, "Police attended a disturbance at home; Megan was present and upset.", ReferralUrgency.Urgent, Person("Meg", "Lewis", null, 12, 15, Sex.NotKnown, "CF38 2BB", PreferredLanguage.English));
        return
        [
            Referral.Receive(unlinked, "R-DEMO-0099", now.AddHours(-3)),
            Referral.Receive(twin, "R-DEMO-0098", now.AddHours(-2)),
            Referral.Receive(uncertain, "R-DEMO-0097", now.AddHours(-1)),
        ];
    }

    /// <summary>
    /// Dafydd's case as five weeks of work leave it: allocated, the police officer who referred him on it, goals set
    /// with him and his family, his story on the timeline, and a first review held. Tyler's case waits for allocation.
    /// </summary>
    private async Task SeedCaseWorkAsync(Team team, DateTime now, CancellationToken cancellationToken)
    {
        var caseManager = (await users.FindByEmailAsync(Users[0].Email))!.Id;
        var officer = (await users.FindByEmailAsync(Users[2].Email))!.Id;
        var caseId = await db.Referrals.Where(r => r.Reference == "R-DEMO-0001").Select(r => r.CaseId!.Value).SingleAsync(cancellationToken);
        var work = await db.Cases.Include(c => c.Allocations).Include(c => c.Members).SingleAsync(c => c.Id == caseId, cancellationToken);
        var today = DateOnly.FromDateTime(now);

        work.Allocate(caseManager, now.AddDays(-35), null, null, team.ReviewIntervalDays);
        work.AddPractitioner(officer, "Neighbourhood policing: knows the young people at the retail park", now.AddDays(-34), caseManager);
        work.RecordEngagement(EngagementStatus.Engaged, today.AddDays(-30), now.AddDays(-30), caseManager);
        var boxing = Goal.Set(work, "Spend two evenings a week at the boxing club instead of the retail park", GoalOwner.Child, null, today.AddDays(40), now.AddDays(-28), caseManager);
        var evenings = Goal.Set(work, "Agree with Mam what time Dai is home on school nights", GoalOwner.Family, null, today.AddDays(20), now.AddDays(-28), caseManager);
        db.Goals.AddRange(boxing, evenings);
        db.TimelineEntries.AddRange(
            TimelineEntry.ByPractitioner(work.ChildId, work.Id, TimelineCategory.Bereavement, today.AddYears(-2).AddDays(-40), true, "Taid (grandfather) died", "Dai was close to him; his mother says the trouble at the park started the summer after.", TimelineVisibility.TeamOnly, now.AddDays(-29), caseManager),
            TimelineEntry.ByPractitioner(work.ChildId, work.Id, TimelineCategory.SchoolMove, today.AddYears(-1).AddDays(-80), true, "Moved to Ysgol Gyfun Cwm Rhondda", null, TimelineVisibility.EveryoneOnTheCase, now.AddDays(-29), caseManager),
            TimelineEntry.ByPractitioner(work.ChildId, work.Id, TimelineCategory.ContactSession, today.AddDays(-21), false, "First session at the boxing club with Dai", "He stayed the whole session and asked to come back.", TimelineVisibility.EveryoneOnTheCase, now.AddDays(-21), caseManager));
        await db.SaveChangesAsync(cancellationToken);

        db.Reviews.Add(Review.Hold(
            work, [boxing, evenings], today.AddDays(-7),
            [new GoalProgressAtReview(boxing.Id, 6, GoalStatus.Active), new GoalProgressAtReview(evenings.Id, 4, GoalStatus.Active)],
            ("Boxing twice a week; home on time most nights", "\"Boxing is the best bit of the week.\"", "Mam says evenings are calmer at home.", "Keep the boxing going; ask the school youth engagement worker to meet Dai."),
            ReviewDecision.Continue, today.AddDays(35), now.AddDays(-7), caseManager));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo data with {UserCount} users")]
    private static partial void LogSeeded(ILogger logger, int userCount);
}
