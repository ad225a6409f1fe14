using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Assessments.Queries.ListAssessmentsAwaitingCountersignature;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.GetOutcomeFigures;
using CaseManagement.Application.Dashboard.Queries.GetTeamDashboard;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Application.Dashboard.Queries.GetTeamWork;
using CaseManagement.Application.Dashboard.Queries.ListTeamContacts;
using CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;
using CaseManagement.Application.Outcomes.Queries.GetCohortReport;
using CaseManagement.Application.Outcomes.Queries.GetFairnessReport;
using CaseManagement.Application.Outcomes.Queries.GetKpiReport;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CaseManagement.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/CaseManagement.Benchmarks -- dashboard --postgres "Host=...;Username=...;Database=postgres" [--children 100000] [--database name] [--reuse] [--runs 1]</c>:
/// a fresh PostgreSQL database with the scale seeder's children, then the server time of the team manager's dashboard,
/// the waiting list's first page, a year's outcome figures and the last quarter's KPI return, cohort report and fairness view (each query as its handler runs it, with a new
/// DbContext per request, as a request has), beside a bare one-row read measured in the same run.
/// </summary>
public static class DashboardRunner
{
    // Generated data that no one will verify: a throwaway key seals its audit entries.
    private static readonly CaseManagement.Domain.Audit.AuditKeyring AuditKeys = CaseManagement.Domain.Audit.AuditKeyring.Generate();

    public const string Verb = "dashboard";

    private const int Rounds = 200;

    // --only measures the requests whose name holds this text (and the one-row read beside them), so one view can be
    // measured without waiting for all the others on a shared machine.
    private static string? _only;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var server = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("CASEMGMT_TEST_POSTGRES");
        if (server is null)
        {
            await output.WriteLineAsync("Usage: dashboard --postgres \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" [--children 100000]");
            return 2;
        }

        var children = int.Parse(Option(args, "--children") ?? "100000", CultureInfo.InvariantCulture);
        _only = Option(args, "--only");
        // --database names the benchmark's own database, so two people measuring on one server do not drop each other's.
        var database = Option(args, "--database") ?? $"casemgmt_dashboard_{children}";
        if (!database.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            await output.WriteLineAsync("--database: lower-case letters, digits and underscores only.");
            return 2;
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true }.ToString();
        AppDbContext NewContext()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            // As the app's own context connects (decision 0108: statements sent again are prepared), so the figures are the
            // app's; the migration runner keeps the string as given, as in the app.
            options.UseProvider(DatabaseProvider.PostgreSQL, ProviderSetup.ForTheAppsContext(DatabaseProvider.PostgreSQL, connection));
            return new AppDbContext(options.Options, auditKeys: AuditKeys);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. PostgreSQL database {database}."));

        // --reuse measures the database a previous run seeded (seeding 100,000 children takes minutes).
        if (!args.Contains("--reuse"))
        {
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database};", admin);
                await drop.ExecuteNonQueryAsync();
            }

            await new MigrationRunner(DatabaseProvider.PostgreSQL, connection, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            var (newTeam, newPeople) = await TeamAsync(NewContext);
            var clock = Stopwatch.StartNew();
            var seeded = await ScaleSeeder.SeedAsync(NewContext, newTeam, newPeople.Keys.ToList(), children, 42, DateTime.UtcNow, CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded.Children:N0} children, {seeded.Referrals:N0} referrals, {seeded.Cases:N0} cases, {seeded.Assessments:N0} assessments, {seeded.Reviews:N0} reviews, {seeded.Contacts:N0} contacts, {seeded.Interventions:N0} interventions, {seeded.OnwardReferrals:N0} onward referrals in {clock.Elapsed.TotalSeconds:0.0} s."));
        }

        else
        {
            // The seeded database may be of an earlier schema: bring it up to date first (timing what the migration takes).
            var migrating = Stopwatch.StartNew();
            var applied = await new MigrationRunner(DatabaseProvider.PostgreSQL, connection, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Migrations applied to the seeded database: {(applied.Count == 0 ? "none" : string.Join(", ", applied))} in {migrating.Elapsed.TotalSeconds:0.0} s."));
        }

        await using (var analyse = NewContext())
        {
            await analyse.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        await using var read = NewContext();
        var teamId = await read.Teams.Where(t => t.Name == "Benchmark team").Select(t => t.Id).SingleAsync();
        var people = await read.Users.Where(u => u.Email!.EndsWith("@bench.example")).ToDictionaryAsync(u => u.Id, u => u.DisplayName);

        var manager = new Manager(teamId);
        var directory = new Directory(people, teamId);
        var someCase = await read.Cases.AsNoTracking().Select(c => c.Id).FirstAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var runs = int.Parse(Option(args, "--runs") ?? "1", CultureInfo.InvariantCulture);
        var lastPage = (await read.Cases.CountAsync(c => c.Status == Domain.Cases.CaseStatus.WaitingForAllocation) + 24) / 25;
        var referralPages = (await read.Referrals.CountAsync() + 24) / 25;
        var quarterAgo = today.AddMonths(-3);
        var lastQuarter = (quarterAgo.Year, Quarter: ((quarterAgo.Month - 1) / 3) + 1);
        var (kpis, kpiEnds) = (await read.KpiRecords.CountAsync(), await read.KpiRecords.CountAsync(r => r.Stage == Domain.Outcomes.KpiStage.End));
        var (offences, disposals) = (await read.LaterOffences.CountAsync(), await read.Disposals.CountAsync());
        var characteristics = await read.ChildCharacteristics.CountAsync();
        var (quarterFrom, quarterTo) = Application.Outcomes.Quarter.Dates(lastQuarter.Year, lastQuarter.Quarter);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Indicator records: {kpis:N0} ({kpiEnds:N0} at the end of the work); later offences: {offences:N0}; disposals: {disposals:N0}; children with characteristics: {characteristics:N0}."));
        for (var run = 1; run <= runs; run++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Run {run} of {runs}:"));
            await MeasureAsync(output, "baseline: one row by key", async () =>
            {
                await using var db = NewContext();
                return await db.Cases.AsNoTracking().Where(c => c.Id == someCase).Select(c => c.Status).SingleAsync();
            });
            await MeasureAsync(output, "team dashboard (GET /team)", async () =>
            {
                await using var db = NewContext();
                return await new GetTeamDashboardHandler(db, manager, directory, TimeProvider.System).Handle(new GetTeamDashboard(), CancellationToken.None);
            });
            await MeasureAsync(output, "waiting list, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"waiting list, last page ({lastPage})"), async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(Page: lastPage), CancellationToken.None);
            });
            await MeasureAsync(output, "waiting list, urgent from education", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(
                    new ListCases(Sort: CaseListSort.DaysWaiting, Descending: true, Source: Domain.Referrals.ReferralSource.Education, Urgency: Domain.Referrals.ReferralUrgency.Urgent), CancellationToken.None);
            });
            await MeasureAsync(output, "unallocated cases, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(CaseListFilter.Unallocated), CancellationToken.None);
            });
            await MeasureAsync(output, "open cases by next review, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(CaseListFilter.Open), CancellationToken.None);
            });
            await MeasureAsync(output, "open cases by weight, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(CaseListFilter.Open, Sort: CaseListSort.Weight, Descending: true), CancellationToken.None);
            });
            await MeasureAsync(output, "awaiting countersignature, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListAssessmentsAwaitingCountersignatureHandler(db, manager, directory).Handle(new ListAssessmentsAwaitingCountersignature(), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"referral list, page 1 of {referralPages}"), async () =>
            {
                await using var db = NewContext();
                return await new ListReferralsHandler(db, manager, TimeProvider.System).Handle(new ListReferrals(), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"referral list, page {referralPages / 2}"), async () =>
            {
                await using var db = NewContext();
                return await new ListReferralsHandler(db, manager, TimeProvider.System).Handle(new ListReferrals(referralPages / 2), CancellationToken.None);
            });
            await MeasureAsync(output, "no recent contact, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListCasesHandler(db, manager, directory, TimeProvider.System).Handle(new ListCases(CaseListFilter.NoRecentContact), CancellationToken.None);
            });
            await MeasureAsync(output, "team work (GET /team/work), 12 months", async () =>
            {
                await using var db = NewContext();
                return await new GetTeamWorkHandler(db, manager, directory, TimeProvider.System).Handle(new GetTeamWork(today.AddYears(-1).AddDays(1), today), CancellationToken.None);
            });
            await MeasureAsync(output, "contacts not attended, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListTeamContactsHandler(db, manager, new NoAudit()).Handle(new ListTeamContacts(ContactOutcome.DidNotAttend, today.AddYears(-1).AddDays(1), today), CancellationToken.None);
            });
            await MeasureAsync(output, "onward referrals waiting, page 1", async () =>
            {
                await using var db = NewContext();
                return await new ListWaitingOnwardReferralsHandler(db, manager, new NoAudit(), TimeProvider.System).Handle(new ListWaitingOnwardReferrals(), CancellationToken.None);
            });
            await MeasureAsync(output, "outcome figures, last 12 months", async () =>
            {
                await using var db = NewContext();
                return await new GetOutcomeFiguresHandler(db, manager, TimeProvider.System).Handle(new GetOutcomeFigures(today.AddYears(-1), today), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"quarterly KPI return ({lastQuarter.Year} Q{lastQuarter.Quarter})"), async () =>
            {
                await using var db = NewContext();
                return await new GetKpiReportHandler(db, manager, new NoAudit()).Handle(new GetKpiReport(lastQuarter.Year, lastQuarter.Quarter), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"cohort outcome report ({lastQuarter.Year} Q{lastQuarter.Quarter})"), async () =>
            {
                await using var db = NewContext();
                return await new GetCohortReportHandler(db, manager, new NoAudit(), TimeProvider.System).Handle(new GetCohortReport(quarterFrom, quarterTo), CancellationToken.None);
            });
            await MeasureAsync(output, string.Create(CultureInfo.InvariantCulture, $"fairness view ({lastQuarter.Year} Q{lastQuarter.Quarter})"), async () =>
            {
                await using var db = NewContext();
                return await new GetFairnessReportHandler(db, manager, new NoAudit(), TimeProvider.System).Handle(new GetFairnessReport(quarterFrom, quarterTo), CancellationToken.None);
            });
        }

        return 0;
    }

    private static async Task MeasureAsync<T>(TextWriter output, string name, Func<Task<T>> run)
    {
        if (_only is not null && !name.Contains(_only, StringComparison.OrdinalIgnoreCase) && !name.StartsWith("baseline", StringComparison.Ordinal))
        {
            return;
        }

        for (var i = 0; i < 10; i++)
        {
            await run();
        }

        var times = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} p50 {At(0.50),8:0.00} ms   p95 {At(0.95),8:0.00} ms   p99 {At(0.99),8:0.00} ms   ({Rounds} requests)"));
    }

    /// <summary>A team with six case managers (accounts that can never sign in: no password).</summary>
    private static async Task<(Guid Team, Dictionary<Guid, string> People)> TeamAsync(Func<AppDbContext> newContext)
    {
        await using var db = newContext();
        var agency = Agency.Create("Benchmark YOS", AgencyKind.YouthOffendingService);
        var team = Team.Create("Benchmark team", agency.Id);
        db.AddRange(agency, team);
        db.InterventionKinds.AddRange(InterventionKind.StandardFor(team.Id, DateTime.UtcNow));
        var people = new Dictionary<Guid, string>();
        for (var i = 1; i <= 6; i++)
        {
            var user = new ApplicationUser { UserName = $"cm{i}@bench.example", NormalizedUserName = $"CM{i}@BENCH.EXAMPLE", Email = $"cm{i}@bench.example", DisplayName = $"Case manager {i}", SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.TeamMemberships.Add(new TeamMembership { UserId = user.Id, TeamId = team.Id });
            people[user.Id] = user.DisplayName;
        }

        await db.SaveChangesAsync();
        return (team.Id, people);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed class Manager(Guid teamId) : ICurrentUser
    {
        public Guid? UserId { get; } = Guid.NewGuid();

        public bool IsAuthenticated => true;

        public string DisplayName => "Benchmark team manager";

        public string? IpAddress => null;

        public IReadOnlyList<Guid> TeamIds { get; } = [teamId];

        public bool IsInRole(string role) => role == Roles.TeamManager;
    }

    private sealed class Directory(Dictionary<Guid, string> people, Guid teamId) : IUserDirectory
    {
        public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UserSummary>>(people.Select(p => new UserSummary(p.Key, "x@bench.example", p.Value, [Roles.CaseManager], null, [teamId], false, false)).ToList());

        public Task<UserSummary?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<UserSummary?>(null);

        public Task<IReadOnlyDictionary<Guid, int>> CountTeamMembersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());
    }

    internal sealed class NoAudit : IAuditTrail
    {
        public void Record(Domain.Audit.AuditRecord record)
        {
        }
    }
}
