using CaseManagement.Application.Matching;
using CaseManagement.Application.Records.Retention;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.IntegrationTests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseManagement.IntegrationTests.Matching;

/// <summary>
/// Migration 0036 (issue 18, session 7, decision 0073): children indexed before the blocking keys changed hold keys
/// that today's referrals may not write. The start-up indexing alone leaves them so (they count as indexed); after
/// the migration it gives them today's keys, and a referral about the child, both names mistyped, finds the child.
/// </summary>
public abstract class MatchKeyRebuildTests(DatabaseProvider provider)
{
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly AuditKeyring _auditKeys = AuditKeyring.Generate();

    [SkippableFact]
    public async Task Migration0036_ChildWithKeysFromBefore_FoundByAReferralAfterTheStartUpIndexing()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = MigrationScript.Embedded(provider);
        await Runner(database, [.. scripts.Where(s => string.CompareOrdinal(s.Name, "0036") < 0)]).MigrateAsync();

        Guid teamId;
        Guid childId;
        await using (var db = Context(database))
        {
            var agency = Agency.Create("Youth Justice Service", AgencyKind.YouthOffendingService);
            var team = Team.Create("Rhondda", agency.Id);
            var child = Child.Register(team.Id, Details("Megan", "Protheroe"), Now);
            db.Agencies.Add(agency);
            db.Teams.Add(team);
            db.Children.Add(child);

            // A key of a set no longer written: the child counts as indexed, so nothing indexes it again by itself.
            db.ChildMatchKeys.Add(new ChildMatchKey(1, child.Id, child.Id));
            await db.SaveChangesAsync();
            (teamId, childId) = (team.Id, child.Id);
        }

        var referral = Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, Details("Negan", "Frotheroe")),
            "R-1",
            Now);

        Assert.Equal(0, await IndexAsync(database));
        Assert.Empty(await FindAsync(database, referral));

        Assert.Equal(["0036_rebuild_match_keys.sql"], await Runner(database, scripts).MigrateAsync());
        Assert.Equal(1, await IndexAsync(database));

        var match = Assert.Single(await FindAsync(database, referral));
        Assert.Equal(childId, match.ChildId);
        Assert.NotEqual(MatchDecision.NewChild, match.Result.Decision);
    }

    [SkippableFact]
    public async Task StartUpIndexing_ChildDestroyedUnderRetention_GetsNoKeysAndIsNoCandidate()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database, MigrationScript.Embedded(provider)).MigrateAsync();

        Guid teamId;
        await using (var db = Context(database))
        {
            var agency = Agency.Create("Youth Justice Service", AgencyKind.YouthOffendingService);
            var team = Team.Create("Rhondda", agency.Id);
            db.Agencies.Add(agency);
            db.Teams.Add(team);

            // What the retention schedule leaves of a destroyed child: the placeholder, the date of birth, no keys.
            var destroyed = RetentionSchedule.Destroyed;
            db.Children.Add(Child.Register(team.Id, Details(destroyed, destroyed) with { Postcode = null }, Now));
            await db.SaveChangesAsync();
            teamId = team.Id;
        }

        Assert.Equal(0, await IndexAsync(database));
        await using (var db = Context(database))
        {
            Assert.Equal(0, await db.ChildMatchKeys.CountAsync());
        }

        var sameBirthday = Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, Details("Seren", "Pritchard")),
            "R-2",
            Now);
        Assert.Empty(await FindAsync(database, sameBirthday));
    }

    private static PersonDetails Details(string given, string family) =>
        new(given, family, null, new DateOnly(2011, 6, 9), Sex.Female, "SA1 1AA", PreferredLanguage.English);

    private MigrationRunner Runner(TestDatabase database, IReadOnlyList<MigrationScript> scripts) =>
        new(provider, database.ConnectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance) { Scripts = scripts };

    private AppDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, database.ConnectionString);
        return new AppDbContext(options.Options, auditKeys: _auditKeys);
    }

    private async Task<int> IndexAsync(TestDatabase database)
    {
        await using var db = Context(database);
        return await Matcher(db).IndexUnindexedAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<ChildMatch>> FindAsync(TestDatabase database, Referral referral)
    {
        await using var db = Context(database);
        return await Matcher(db).FindAsync(referral, [], CancellationToken.None);
    }

    private static ChildMatcher Matcher(AppDbContext db) => new(db, Options.Create(new MatchingSettings()), new NoFrequencies());

    private sealed class NoFrequencies : INameFrequencySource
    {
        public Task<INameFrequencies?> GetAsync(CancellationToken cancellationToken) => Task.FromResult<INameFrequencies?>(null);
    }
}

public sealed class SqliteMatchKeyRebuildTests() : MatchKeyRebuildTests(DatabaseProvider.Sqlite);

public sealed class PostgresMatchKeyRebuildTests() : MatchKeyRebuildTests(DatabaseProvider.PostgreSQL);

public sealed class SqlServerMatchKeyRebuildTests() : MatchKeyRebuildTests(DatabaseProvider.SqlServer);
