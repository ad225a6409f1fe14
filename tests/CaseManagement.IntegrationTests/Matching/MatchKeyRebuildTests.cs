using CaseManagement.Application.Jobs;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Records.Retention;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.IntegrationTests.Database;
using CaseManagement.IntegrationTests.Reminders;
using CaseManagement.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseManagement.IntegrationTests.Matching;

/// <summary>
/// Migration 0036 (issue 18, session 7, decision 0073): children indexed before the blocking keys changed hold keys
/// that today's referrals may not write. The indexing before it left them so (they counted as indexed); after the
/// migration the re-keying gives them today's keys, and a referral about the child, both names mistyped, finds the child.
/// Decision 0078: keys older than <see cref="MatchBlocking.KeySchemeVersion"/> are replaced by a background job, child
/// by child, each keeping its old keys until then, so intake finds every child at every moment of it.
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
            // The old world's rows, written without audit entries: today's audit trail (decision 0085's nonce and waiting
            // table) is not in a database before 0036, and this test is about the match keys.
            db.RecordsAudit = false;
            await LaterColumnsAsync(db, add: true);
            var agency = Agency.Create("Youth Justice Service", AgencyKind.YouthOffendingService);
            var team = Team.Create("Rhondda", agency.Id);
            var child = Child.Register(team.Id, Details("Megan", "Protheroe"), Now);
            db.Agencies.Add(agency);
            db.Teams.Add(team);
            db.Children.Add(child);

            await db.SaveChangesAsync();

            // A key of a set no longer written: the child counts as indexed, so nothing indexes it again by itself. Written
            // as SQL, as the table had no scheme then.
            object id = provider == DatabaseProvider.Sqlite ? child.Id.ToString().ToUpperInvariant() : child.Id;
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"child_match_keys\" (\"Key\", \"SourceId\", \"ChildId\") VALUES (1, {0}, {0})", id, id);
            (teamId, childId) = (team.Id, child.Id);
        }

        var referral = Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, Details("Negan", "Frotheroe")),
            "R-1",
            Now);

        Assert.Empty(await FindAsync(database, referral));
        await using (var db = Context(database))
        {
            await LaterColumnsAsync(db, add: false);
        }

        Assert.Contains("0036_rebuild_match_keys.sql", await Runner(database, scripts).MigrateAsync());
        Assert.Equal(1, await IndexAsync(database));

        var match = Assert.Single(await FindAsync(database, referral));
        Assert.Equal(childId, match.ChildId);
        Assert.NotEqual(MatchDecision.NewChild, match.Result.Decision);
    }

    /// <summary>
    /// The columns a migration after 0036 adds to the tables this test writes and reads through today's model (0041, whose
    /// the contacts are): there while the world before 0036 is written and searched, taken away before the migrations
    /// that add them run.
    /// </summary>
    private async Task LaterColumnsAsync(AppDbContext db, bool add)
    {
        (string Table, string Column)[] later = [("children", "EmailOwner"), ("children", "PhoneOwner"), ("referrals", "ChildEmailOwner"), ("referrals", "ChildPhoneOwner")];
        foreach (var (table, column) in later)
        {
            var sql = !add ? $"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\""
                : provider == DatabaseProvider.SqlServer ? $"ALTER TABLE \"{table}\" ADD \"{column}\" nvarchar(20) NULL"
                : $"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" varchar(20) NULL";
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [SkippableFact]
    public async Task Rekeying_ChildDestroyedUnderRetention_GetsNoKeysAndIsNoCandidate()
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

    [SkippableFact]
    public async Task RekeyJob_ChildWithKeysOfAnOlderScheme_KeyedAgainAfterAStartWhileTheAppServes()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        Guid childId;
        await using (var first = new ReminderServer(database, clock))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var child = Child.Register(await db.Teams.Select(t => t.Id).FirstAsync(), Details("Megan", "Protheroe"), Now);
            db.Children.Add(child);

            // The only key the child holds is one of a scheme before today's, which today's referrals never write.
            db.ChildMatchKeys.Add(new ChildMatchKey(1, child.Id, child.Id, MatchBlocking.KeySchemeVersion - 1));
            await db.SaveChangesAsync();
            childId = child.Id;
        }

        await using var restarted = new ReminderServer(database, clock);
        var client = restarted.CreateClient();
        Assert.True((await client.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode);
        var run = await restarted.Services.WaitForRunAsync(JobNames.MatchKeys, new HashSet<Guid>());
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);

        await using var check = restarted.Services.CreateAsyncScope();
        var context = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = await context.ChildMatchKeys.Where(k => k.ChildId == childId).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(MatchBlocking.KeySchemeVersion, k.Scheme));
        Assert.DoesNotContain(keys, k => k.Key == 1);
        var teamId = await context.Children.Where(c => c.Id == childId).Select(c => c.TeamId).SingleAsync();
        var mistyped = Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, Details("Negan", "Frotheroe")),
            "R-3",
            Now);
        Assert.Contains(await check.ServiceProvider.GetRequiredService<ChildMatcher>().FindAsync(mistyped, [], CancellationToken.None), m => m.ChildId == childId);
    }

    /// <summary>
    /// Decision 0106: a re-key that keys much of the register leaves the planner's figures for the keys' table stale, and
    /// on PostgreSQL intake's candidate search then scanned every linked referral until autovacuum's next round. The job
    /// refreshes them itself: before the run the table was never analysed (autovacuum's own analyse is not counted).
    /// </summary>
    [SkippableFact]
    public async Task RekeyJob_KeysMuchOfTheRegister_RefreshesTheKeysTablesStatistics()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        await using (var first = new ReminderServer(database, clock))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var teamId = await db.Teams.Select(t => t.Id).FirstAsync();
            foreach (var (given, family) in new[] { ("Megan", "Protheroe"), ("Dylan", "Protheroe"), ("Cerys", "Bevan") })
            {
                var child = Child.Register(teamId, Details(given, family), Now);
                db.Children.Add(child);
                db.ChildMatchKeys.Add(new ChildMatchKey(1, child.Id, child.Id, MatchBlocking.KeySchemeVersion - 1));
            }

            await db.SaveChangesAsync();
            Assert.False(await KeyStatisticsRefreshedAsync(db));
        }

        await using var restarted = new ReminderServer(database, clock);
        Assert.True((await restarted.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode);
        var run = await restarted.Services.WaitForRunAsync(JobNames.MatchKeys, new HashSet<Guid>());
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);

        await using var check = restarted.Services.CreateAsyncScope();
        Assert.True(await KeyStatisticsRefreshedAsync(check.ServiceProvider.GetRequiredService<AppDbContext>()));
    }

    [SkippableFact]
    public async Task Find_FamilyNameMistypedTwiceAndTheDateWrong_FindsTheChildThroughTheNamesWithTheTown()
    {
        // Decision 0094 (key scheme 3): the referral shares no date, postcode, name sound or name end with the child (the
        // family moved within the postcode sector); only the given name with the family name's first letter and the town
        // brings them together, and the town and the sector then make it a pair for a person to check.
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database, MigrationScript.Embedded(provider)).MigrateAsync();
        Guid teamId;
        Guid childId;
        await using (var db = Context(database))
        {
            var agency = Agency.Create("Youth Justice Service", AgencyKind.YouthOffendingService);
            var team = Team.Create("Gower", agency.Id);
            var child = Child.Register(team.Id, Details("Megan", "Protheroe") with { Town = "Swansea" }, Now);
            db.Agencies.Add(agency);
            db.Teams.Add(team);
            db.Children.Add(child);
            await db.SaveChangesAsync();
            (teamId, childId) = (team.Id, child.Id);
        }

        Assert.Equal(1, await IndexAsync(database));
        var details = new PersonDetails("Megan", "Prptheroa", null, new DateOnly(2013, 2, 17), Sex.Female, "SA1 1AB", PreferredLanguage.English)
        {
            Town = "swansea",
        };
        var referral = Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, details),
            "R-4",
            Now);

        var match = Assert.Single(await FindAsync(database, referral));
        Assert.Equal(childId, match.ChildId);
        Assert.Equal(MatchDecision.Review, match.Result.Decision);
        Assert.Empty(await FindAsync(database, Referral.Receive(
            new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, details with { Town = "Neath" }),
            "R-5",
            Now)));
    }

    [SkippableFact]
    public async Task Rekeying_HalfDone_ReferralAboutAChildNotYetKeyedAgainFindsThemAndRegistersNoOne()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database, MigrationScript.Embedded(provider)).MigrateAsync();
        var (teamId, children) = await RegisterWithOldKeysAsync(database, ("Megan", "Protheroe"), ("Rhodri", "Llewellyn"));

        // One batch of one child, then the job stops (the server shuts down half-way).
        Assert.Equal(1, await RekeyUntilStoppedAsync(database, batches: 1));
        await using (var db = Context(database))
        {
            Assert.Equal(1, await Matcher(db).StaleChildren().CountAsync());
        }

        foreach (var (id, given, family) in children)
        {
            await using var db = Context(database);
            var referral = Referral.Receive(
                new ReferralSubmission(teamId, ReferralSource.Education, "Referrer", null, null, "Concerns", ReferralUrgency.Routine, Details(given, family)),
                $"R-{given}",
                Now);
            db.Referrals.Add(referral);
            await Matcher(db).IntakeAsync(referral, Now, null, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.True(referral.ChildId == id || await db.MatchCandidates.AnyAsync(c => c.ReferralId == referral.Id && c.ChildId == id), $"The referral about {given} did not find them.");
        }

        await using (var db = Context(database))
        {
            Assert.Equal(2, await db.Children.CountAsync());
        }
    }

    [SkippableFact]
    public async Task Rekeying_StoppedHalfWay_CarriesOnWithTheChildrenLeftAtTheNextRun()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database, MigrationScript.Embedded(provider)).MigrateAsync();
        var (_, children) = await RegisterWithOldKeysAsync(database, ("Megan", "Protheroe"), ("Rhodri", "Llewellyn"), ("Seren", "Pritchard"));

        Assert.Equal(1, await RekeyUntilStoppedAsync(database, batches: 1));
        Assert.Equal(2, await IndexAsync(database));
        Assert.Equal(0, await IndexAsync(database));

        await using var db = Context(database);
        foreach (var (id, given, family) in children)
        {
            var keys = await db.ChildMatchKeys.Where(k => k.SourceId == id).ToListAsync();
            Assert.Equal(MatchBlocking.KeysOf(ChildMatcher.RecordOf(Child.Register(Guid.Empty, Details(given, family), Now))).Order(), keys.Select(k => k.Key).Order());
            Assert.All(keys, k => Assert.Equal(MatchBlocking.KeySchemeVersion, k.Scheme));
        }
    }

    /// <summary>Children of one team, each holding today's keys as written by the scheme before (as when a scheme only adds keys).</summary>
    private async Task<(Guid TeamId, List<(Guid Id, string Given, string Family)> Children)> RegisterWithOldKeysAsync(TestDatabase database, params (string Given, string Family)[] names)
    {
        await using var db = Context(database);
        var agency = Agency.Create("Youth Justice Service", AgencyKind.YouthOffendingService);
        var team = Team.Create("Rhondda", agency.Id);
        db.Agencies.Add(agency);
        db.Teams.Add(team);
        var children = new List<(Guid, string, string)>();
        foreach (var (given, family) in names)
        {
            var child = Child.Register(team.Id, Details(given, family), Now);
            db.Children.Add(child);
            db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(ChildMatcher.RecordOf(child)).Select(k => new ChildMatchKey(k, child.Id, child.Id, MatchBlocking.KeySchemeVersion - 1)));
            children.Add((child.Id, given, family));
        }

        await db.SaveChangesAsync();
        return (team.Id, children);
    }

    /// <summary>Runs the re-keying a child a batch, stopping it after <paramref name="batches"/> batches; returns how many children it keyed.</summary>
    private async Task<int> RekeyUntilStoppedAsync(TestDatabase database, int batches)
    {
        await using var db = Context(database);
        using var stop = new CancellationTokenSource();
        var keyed = 0;
        var progress = new Stopper(done =>
        {
            keyed = done;
            if (done >= batches)
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Matcher(db).RekeyAsync(stop.Token, batchSize: 1, progress));
        return keyed;
    }

    /// <summary>Reports at once, on the caller's thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class Stopper(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static PersonDetails Details(string given, string family) =>
        new(given, family, null, new DateOnly(2011, 6, 9), Sex.Female, "SA1 1AA", PreferredLanguage.English);

    /// <summary>
    /// Whether the keys' table's statistics were refreshed by a statement (PostgreSQL's <c>last_analyze</c>, which
    /// autovacuum's <c>last_autoanalyze</c> is not; SQLite's <c>sqlite_stat1</c> rows; SQL Server's statistics updated).
    /// </summary>
    private async Task<bool> KeyStatisticsRefreshedAsync(AppDbContext db)
    {
        if (provider == DatabaseProvider.Sqlite
            && await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() == 0)
        {
            return false;
        }

        var sql = provider switch
        {
            DatabaseProvider.PostgreSQL => "SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'child_match_keys' AND last_analyze IS NOT NULL",
            DatabaseProvider.Sqlite => "SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'child_match_keys'",
            _ => "SELECT COUNT(*) AS \"Value\" FROM sys.stats s CROSS APPLY sys.dm_db_stats_properties(s.object_id, s.stats_id) p WHERE s.object_id = OBJECT_ID('child_match_keys') AND s.user_created = 0 AND s.auto_created = 0 AND p.rows > 0",
        };
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync() > 0;
    }

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
        return await Matcher(db).RekeyAsync(CancellationToken.None);
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
