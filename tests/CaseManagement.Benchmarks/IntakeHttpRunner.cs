using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Referrals submitted through HTTP (issue 18, "Done when"): the app started in this process on a real port, the given
/// number of referrals sent to <c>POST /api/v1/referrals</c> all at once (each with its own Idempotency-Key, as a
/// partner's system sends them), beside the same number sent at once to a bare endpoint that only inserts a referral
/// row through the app's DbContext (audit chain included: every write of the app pays it). The bare endpoint is mapped
/// here, never in the app. Both in the same run, on SQLite (a fresh file) or PostgreSQL (a fresh small database).
/// The team's register is seeded first with <c>--register</c> children (10,000 unless told) from the project's generator
/// (names, dates of birth and postcodes spread as in Wales, each child with the referral that registered them), and the
/// submissions are written the same way: one in three about a child already known (another referral about them, with
/// the generator's slips), the others about children the register does not hold.
/// </summary>
public static class IntakeHttpRunner
{
    public const string Verb = "intake-http";

    private const string Password = "benchmark-password";
    private const string BarePath = "/benchmark/bare-insert";

    // A warm-up round that compiles fewer methods than this leaves the JIT settled.
    private const int SettledMethods = 20;

    // About a third of referrals to a youth justice prevention team are about a child it already knows.
    private const double KnownShare = 1.0 / 3;

    private static int _bareInserts;

    private static readonly string[] Given = ["Dafydd", "Rhys", "Osian", "Cerys", "Ffion", "Megan", "Tyler", "Leah", "Sion", "Ioan", "Gethin", "Alys", "Elin", "Nia", "Jac", "Harri", "Lili", "Mali", "Evan", "Seren"];
    private static readonly string[] Family = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Lewis", "Hughes", "Morgan", "Griffiths", "Edwards", "Owen", "Price", "Jenkins", "James", "Rees", "Lloyd", "Pritchard", "Powell", "Parry"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var count = int.Parse(Option(args, "--submissions") ?? "200", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var registerSize = int.Parse(Option(args, "--register") ?? "10000", CultureInfo.InvariantCulture);
        var (app, provider) = await BuildAppAsync(args, "cm_intake_http", "casemgmt_intake_http", new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "false",
            ["Security:RateLimits:TokenPerMinute"] = "10000",
            ["Security:RateLimits:ReferralsPerMinute"] = "100000",
        },
        // Every command and transaction statement sent to the database, so each round says its round trips a request.
        builder => builder.Services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(RoundTrips.Instance, RoundTrips.Instance.Transactions), ServiceLifetime.Singleton));
        await using var _ = app;
        var breakdown = args.Contains("--breakdown");
        if (breakdown)
        {
            // The time each request spends in the server, from the first middleware to the answer written: what a round's
            // rate is made of, beside the time its statements spent in the database (RoundTrips).
            app.Use(async (context, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                await next(context);
                ServerTime.Add(Stopwatch.GetElapsedTime(started));
            });
        }

        app.UseCaseManagement();
        app.MapPost(BarePath, BareInsertAsync).AllowAnonymous().ExcludeFromDescription();
        if (!await app.TryPrepareDatabaseAsync(output))
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var referrals = await SeedRegisterAsync(app.Services, registerSize);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  register: {registerSize:N0} children of the project's generator seeded in {clock.Elapsed.TotalSeconds:0} s; submissions one in {1 / KnownShare:0} about a known child"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = count }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var token = await TokenAsync(http, "casemanager@demo.example");

        await output.WriteLineAsync($"== {count} concurrent referral submissions through HTTP, {provider}, {Environment.ProcessorCount} cores ==");
        // Warmed at the measured concurrency: rounds of fewer leave the pool's connections and the thread pool to grow
        // inside the first measured round (with 50, PostgreSQL's first bare round ran at half the later ones' rate).
        var warmAt = int.Parse(Option(args, "--warm-up-at") ?? count.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var warmUps = await WarmUpAsync(http, token, referrals, warmAt);
        await output.WriteLineAsync($"  warmed up (not measured): {warmUps} rounds of {warmAt} at once to each endpoint, until the JIT compiled fewer than {SettledMethods} methods in one; {await BackendsAsync(app.Services)}");
        var cpu = args.Contains("--cpu") ? app.Services : null;
        for (var run = 1; run <= runs; run++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var bare = await SendAllAsync(http, token, count, null, cpu);
            var api = await SendAllAsync(http, token, count, referrals, cpu);
            await output.WriteLineAsync($"  run {run}: bare insert   {bare}");
            await output.WriteLineAsync($"  run {run}: POST referral {api}");
            await output.WriteLineAsync($"  run {run}: submissions at {api.PerSecond / bare.PerSecond:P0} of the bare endpoint's rate ({JitInfo.GetCompiledMethodCount() - compiled} methods compiled meanwhile; {await BackendsAsync(app.Services)})");
            if (breakdown)
            {
                await output.WriteLineAsync($"  run {run}: where a bare insert's time went, a request:{Environment.NewLine}{bare.Breakdown}");
                await output.WriteLineAsync($"  run {run}: where a submission's time went, a request:{Environment.NewLine}{api.Breakdown}");
            }
        }

        if (cpu is not null)
        {
            // The sealer alone (decision 0115): waiting entries of a submission round's shape, sealed by one sweep, nothing
            // else running in the app; its processor time an entry, the app's and PostgreSQL's.
            for (var run = 1; run <= runs; run++)
            {
                await output.WriteLineAsync($"  sealer alone {run}: {await SealerAloneAsync(app.Services, 2 * count)}");
            }
        }

        if (args.Contains("--statements"))
        {
            // One of each alone, after the measured rounds (everything warm): every statement it sent, in order, named.
            foreach (var (what, source) in new[] { ("a bare insert", (Referrals?)null), ("a referral submission", referrals) })
            {
                RoundTrips.Instance.Record(true);
                await SendAllAsync(http, token, 1, source);
                var sent = RoundTrips.Instance.Record(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  the statements of {what} sent alone ({sent.Count}):"));
                foreach (var (statement, i) in sent.Select((s, i) => (s, i)))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {i + 1,2}. {statement}"));
                }
            }
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// The app in this process on a free port, over a fresh SQLite file or, with <c>--postgres</c>, a fresh PostgreSQL
    /// database (<c>--database</c>, or <paramref name="database"/>), with the demo data and <paramref name="settings"/>;
    /// built, not yet prepared or started. Also used by <see cref="RekeyRunner"/>.
    /// </summary>
    internal static async Task<(WebApplication App, string Provider)> BuildAppAsync(string[] args, string stem, string database, IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var server = Option(args, "--postgres");
        var work = Path.Combine(Path.GetTempPath(), $"{stem}_{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        string provider, connection;
        if (server is null)
        {
            provider = nameof(DatabaseProvider.Sqlite);
            connection = $"Data Source={Path.Combine(work, "casemgmt.db")}";
        }
        else
        {
            provider = nameof(DatabaseProvider.PostgreSQL);
            database = Option(args, "--database") ?? database;
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        }

        var builder = AppHost.CreateBuilder(["--environment", "Development"]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection,
            ["DemoData:Enabled"] = "true",
            ["DemoData:Password"] = Password,
            ["DataProtection:KeysDirectory"] = Path.Combine(work, "keys"),
            ["Security:AllowPlainHttp"] = "true",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCaseManagement();

        // MVC finds controllers in the entry assembly's references; here the entry assembly is this one, so say where they are.
        builder.Services.AddControllers().AddApplicationPart(typeof(AppHost).Assembly);
        configure?.Invoke(builder);
        return (builder.Build(), provider);
    }

    /// <summary>
    /// Both endpoints in rounds of <paramref name="count"/> at once until a round compiles next to nothing (at most 12 rounds). Tiered compilation
    /// compiles a hot method again, twice, on a background thread once it has been called often enough; the submission's
    /// path has far more methods than the bare insert's, and on a busy 2-core machine that thread took 40 % of the process's
    /// time through the first measured rounds. A server is measured as it runs all day: compiled.
    /// </summary>
    private static async Task<int> WarmUpAsync(HttpClient http, string token, Referrals referrals, int count)
    {
        for (var round = 1; ; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await SendAllAsync(http, token, count, referrals);
            await SendAllAsync(http, token, count, null);

            // The background compiler finishes what the round queued while nothing else runs.
            for (var quiet = 0; quiet < 10 && await CompilesWithinAsync(TimeSpan.FromSeconds(1)); quiet++)
            {
            }

            if (JitInfo.GetCompiledMethodCount() - compiled < SettledMethods || round == 12)
            {
                return round;
            }
        }
    }

    /// <summary>The app's connections to PostgreSQL now (each one a server process, slow to start), or nothing on SQLite.</summary>
    private static async Task<string> BackendsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return "SQLite";
        }

        var backends = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").SingleAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{backends} connections open to PostgreSQL");
    }

    private static async Task<bool> CompilesWithinAsync(TimeSpan wait)
    {
        var before = JitInfo.GetCompiledMethodCount();
        await Task.Delay(wait);
        return JitInfo.GetCompiledMethodCount() > before;
    }

    /// <summary>What "insert one referral" costs in this app, without the request pipeline, validation, matching or idempotency.</summary>
    private static async Task<IResult> BareInsertAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var teamId = await db.Teams.Select(t => t.Id).FirstAsync(cancellationToken);
        var child = new PersonDetails(Given[Random.Shared.Next(Given.Length)], Family[Random.Shared.Next(Family.Length)], null, new DateOnly(2011, 1, 1).AddDays(Random.Shared.Next(1500)), Sex.Female, "CF37 1DL", PreferredLanguage.English);
        // A reference of its own, counted: a random one (ReferralReference.New) could be drawn twice in a run, and the
        // second insert would fail on the unique index. "R-H" never meets the seeded "R-B" ones or the API's "R-yyMMdd-".
        var reference = string.Create(CultureInfo.InvariantCulture, $"R-H{Interlocked.Increment(ref _bareInserts):D7}");
        var referral = Referral.Receive(new ReferralSubmission(teamId, ReferralSource.Education, "Head of year", null, null, "Attendance has fallen.", ReferralUrgency.Routine, child), reference, now);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/v1/referrals/{referral.Id}", new { referral.Id });
    }

    private static async Task<string> TokenAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Sends <paramref name="count"/> at once: referral submissions drawn from <paramref name="referrals"/>, or to the bare endpoint when null.</summary>
    private static async Task<Figures> SendAllAsync(HttpClient http, string token, int count, Referrals? referrals, IServiceProvider? cpu = null)
    {
        var requests = Enumerable.Range(0, count).Select(_ => referrals is null ? new HttpRequestMessage(HttpMethod.Post, BarePath) : Submission(token, referrals.Next())).ToList();
        var times = new double[count];
        var failures = 0;
        var trips = RoundTrips.Instance.Count;
        var (locks, held, waited) = RoundTrips.Instance.ChainLock;
        var statements = RoundTrips.Instance.Statements;
        var server = ServerTime.Snapshot;
        var processors = cpu is null ? null : await ProcessorTime.ReadAsync(cpu);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(requests.Select(async (request, i) =>
        {
            var started = clock.Elapsed.TotalMilliseconds;
            using (request)
            using (var response = await http.SendAsync(request))
            {
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            times[i] = clock.Elapsed.TotalMilliseconds - started;
        }));
        clock.Stop();
        var used = processors is null ? null : (await ProcessorTime.ReadAsync(cpu!)).Since(processors, count);
        Array.Sort(times);
        var (locksAfter, heldAfter, waitedAfter) = RoundTrips.Instance.ChainLock;
        var chain = locksAfter == locks ? null : new ChainLockFigures(
            (heldAfter - held).TotalMilliseconds / (locksAfter - locks), (waitedAfter - waited).TotalMilliseconds / (locksAfter - locks), (heldAfter - held) / clock.Elapsed, locksAfter - locks);
        var breakdown = new Breakdown(ServerTime.Snapshot.Since(server), RoundTrips.Instance.Statements.Since(statements), count);
        return new Figures(count, failures, clock.Elapsed.TotalSeconds, times[count / 2], times[(int)Math.Ceiling(count * 0.95) - 1], (RoundTrips.Instance.Count - trips) / (double)count, chain) { Breakdown = breakdown, Processors = used };
    }

    /// <summary>
    /// One sweep sealing <paramref name="count"/> waiting entries, copies of the content of the last ones sealed (the
    /// measured rounds' referrals, children and candidates) with nonces of their own, written first and not timed: the
    /// sealer's wall time and processor time, the app's and PostgreSQL's, an entry.
    /// </summary>
    private static async Task<string> SealerAloneAsync(IServiceProvider services, int count)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RecordsAudit = false;
            var key = scope.ServiceProvider.GetRequiredService<Domain.Audit.AuditKeyring>().Current;
            var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence).Take(count).ToListAsync();
            db.UnsealedAudit.AddRange(last.Select(e => Domain.Audit.UnsealedAuditEntry.Create(e.ToRecord(), e.UserId, e.UserName, e.IpAddress, e.OccurredAtUtc, key)));
            await db.SaveChangesAsync();
        }

        var before = await ProcessorTime.ReadAsync(services);
        var clock = Stopwatch.StartNew();
        var sealedCount = await Infrastructure.Audit.AuditSealSweep.SweepAsync(services, CancellationToken.None);
        clock.Stop();
        if (sealedCount == 0)
        {
            // The app's own sweep (every 5 s) took them between their save and this one.
            return "none sealed here (the app's sweep sealed them first)";
        }

        var used = (await ProcessorTime.ReadAsync(services)).Since(before, sealedCount);
        return string.Create(CultureInfo.InvariantCulture, $"{sealedCount} entries sealed in {clock.Elapsed.TotalMilliseconds:0} ms ({clock.Elapsed.TotalMilliseconds / sealedCount:0.000} ms an entry){used} an entry");
    }

    /// <summary>
    /// Processor time (<c>--cpu</c>) of this process (the app, and the benchmark's client sending to it) and of the
    /// PostgreSQL server processes serving this database (read from /proc: the server runs on this machine), so a round says
    /// where its requests' processor time went. Nothing on SQLite (the database is in this process).
    /// </summary>
    private sealed record ProcessorTime(TimeSpan App, IReadOnlyDictionary<int, long>? Backends)
    {
        public static async Task<ProcessorTime> ReadAsync(IServiceProvider services)
        {
            var app = Process.GetCurrentProcess().TotalProcessorTime;
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Database.IsNpgsql())
            {
                return new ProcessorTime(app, null);
            }

            var pids = await db.Database.SqlQueryRaw<int>("SELECT pid AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync();
            var ticks = new Dictionary<int, long>();
            foreach (var pid in pids)
            {
                try
                {
                    // Fields 14 and 15 (user and system time, in clock ticks), after the name in parentheses.
                    var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The backend ended meanwhile.
                }
            }

            return new ProcessorTime(app, ticks);
        }

        /// <summary>The processor time used since <paramref name="earlier"/>, a request (or entry): the app's and PostgreSQL's.</summary>
        public ProcessorFigures Since(ProcessorTime earlier, int count)
        {
            double? database = null;
            if (Backends is not null && earlier.Backends is not null)
            {
                // Clock ticks are a hundredth of a second on Linux; a backend opened meanwhile counts from its start.
                var ticks = Backends.Sum(b => b.Value - earlier.Backends.GetValueOrDefault(b.Key));
                database = ticks * 10.0 / count;
            }

            return new ProcessorFigures((App - earlier.App).TotalMilliseconds / count, database);
        }
    }

    private sealed record ProcessorFigures(double AppMs, double? DatabaseMs)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"; processor {AppMs:0.00} ms app{(DatabaseMs is { } database ? $" + {database:0.00} ms PostgreSQL" : string.Empty)}");
    }

    private static HttpRequestMessage Submission(string token, PersonRecord child)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = JsonContent.Create(new
            {
                source = "Education",
                referrerName = "Head of year",
                concerns = "Attendance has fallen and she has been seen with older young people.",
                urgency = "Routine",
                consent = "ChildAndFamily",
                lawfulBasis = "Consent",
                childGivenName = child.GivenName,
                childFamilyName = child.FamilyName,
                childPreferredName = child.PreferredName,
                childDateOfBirth = child.DateOfBirth!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                childSex = child.Sex.ToString(),
                childPostcode = child.Postcode,
                childPreferredLanguage = "English",
                childNhsNumber = child.NhsNumber,
                childUniquePupilNumber = child.UniquePupilNumber,
                childPncId = child.PncId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>
    /// The team's register: children of the project's generator as their first referral described them, each with that
    /// referral linked and the child's blocking keys stored, as intake leaves them. Written in batches, unaudited (the
    /// seed is not what is measured). Returns the submissions to send: referrals about these children and about others.
    /// With <paramref name="evidence"/>, each child also has a town, address, phone and e-mail (decision 0100).
    /// </summary>
    private static async Task<Referrals> SeedRegisterAsync(IServiceProvider services, int size, int keyScheme = MatchBlocking.KeySchemeVersion, FullEvidence? evidence = null)
    {
        var register = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = size, Seed = 18, ReferralsPerChild = 1 });
        var strangers = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = 4000, Seed = 19, ReferralsPerChild = 1 });
        var people = register.People.ToDictionary(p => p.PersonId);
        var random = new Random(20);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = register.Records
            .Select(r => Referable(evidence?.Give(r.Record, people[r.PersonId], random) ?? r.Record, people[r.PersonId], today))
            .OfType<PersonRecord>()
            .ToList();
        const int batch = 1000;
        for (var start = 0; start < rows.Count; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RecordsAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var teamId = await db.Teams.Select(t => t.Id).SingleAsync();
            foreach (var row in rows.Skip(start).Take(batch))
            {
                var at = DateTime.UtcNow.AddDays(-random.Next(1, 730));
                var details = new PersonDetails(row.GivenName!, row.FamilyName!, row.PreferredName, row.DateOfBirth!.Value, row.Sex, row.Postcode, PreferredLanguage.English)
                {
                    NhsNumber = row.NhsNumber,
                    UniquePupilNumber = row.UniquePupilNumber,
                    PncId = row.PncId,
                    HouseNumberOrName = row.HouseNumber,
                    Street = row.Street,
                    Town = row.Town,
                    Email = row.Email,
                    EmailOwner = row.EmailOwner,
                    Phone = row.Phone,
                    PhoneOwner = row.PhoneOwner,
                };
                var child = Child.Register(teamId, details, at);
                db.Children.Add(child);
                db.ChildMatchKeys.AddRange(MatchBlocking.KeysOf(ChildMatcher.RecordOf(child)).Select(k => new ChildMatchKey(k, child.Id, child.Id, keyScheme)));
                var referral = Referral.Receive(new ReferralSubmission(teamId, ReferralSource.Education, "Seeded referrer", null, null, "Generated for measuring; a fictional child.", ReferralUrgency.Routine, details), $"R-B{start + db.Children.Local.Count:D7}", at);
                referral.LinkToChild(child.Id, at);
                db.Referrals.Add(referral);
            }

            await db.SaveChangesAsync();
        }

        // Statistics as a register in use has them: loaded in bulk and not yet analysed, the candidate search's plan took the
        // linked referrals for one row and ran hundreds of times slower until autovacuum caught up (decision 0101).
        await using (var scope = services.CreateAsyncScope())
        {
            var statistics = scope.ServiceProvider.GetRequiredService<Application.Common.Interfaces.ITableStatistics>();
            await statistics.RefreshAsync<Child>(CancellationToken.None);
            await statistics.RefreshAsync<ChildMatchKey>(CancellationToken.None);
            await statistics.RefreshAsync<Referral>(CancellationToken.None);
        }

        return new Referrals(register.People, strangers.People, random, today);
    }

    /// <summary>The same register, its keys written by the scheme before today's, for the re-keying job to replace (<see cref="RekeyRunner"/>).</summary>
    internal static Task SeedRegisterWithOldKeysAsync(IServiceProvider services, int size, FullEvidence? evidence = null) =>
        SeedRegisterAsync(services, size, MatchBlocking.KeySchemeVersion - 1, evidence);

    /// <summary>
    /// The record as a referrer could send it: a name and a date of birth are required (the true ones stand in for
    /// missing ones), the date within the service's ages, and identifiers and a postcode as intake keeps them, or left out where the form would refuse them.
    /// Null when the child is outside the service's ages.
    /// </summary>
    private static PersonRecord? Referable(PersonRecord written, SyntheticPerson person, DateOnly today)
    {
        var dateOfBirth = written.DateOfBirth is { } stated && Within(stated, today) ? stated : person.DateOfBirth;
        return !Within(dateOfBirth, today) ? null : written with
        {
            GivenName = string.IsNullOrWhiteSpace(written.GivenName) ? person.GivenName : written.GivenName,
            FamilyName = string.IsNullOrWhiteSpace(written.FamilyName) ? person.FamilyName : written.FamilyName,
            DateOfBirth = dateOfBirth,
            Postcode = Postcodes.Normalise(written.Postcode),
            NhsNumber = PersonIdentifiers.NormaliseNhsNumber(written.NhsNumber),
            UniquePupilNumber = PersonIdentifiers.NormaliseUniquePupilNumber(written.UniquePupilNumber),
            PncId = PersonIdentifiers.NormalisePncId(written.PncId),
        };

        static bool Within(DateOnly dateOfBirth, DateOnly today) =>
            PersonDetails.AgeOn(dateOfBirth, today) is >= PersonDetails.YoungestAge and <= PersonDetails.OldestAge;
    }

    /// <summary>The submissions, drawn in turn: about a known child (a new referral written about them) or a child not yet known.</summary>
    private sealed class Referrals(IReadOnlyList<SyntheticPerson> known, IReadOnlyList<SyntheticPerson> strangers, Random random, DateOnly today)
    {
        private int _nextStranger;

        public PersonRecord Next()
        {
            while (true)
            {
                var person = random.NextDouble() < KnownShare ? known[random.Next(known.Count)] : strangers[_nextStranger++ % strangers.Count];
                if (Referable(SyntheticReferrals.WriteReferral(person, Guid.NewGuid(), random), person, today) is { } referral)
                {
                    return referral;
                }
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed record Figures(int Count, int Failures, double Seconds, double P50Ms, double P95Ms, double RoundTrips, ChainLockFigures? Chain)
    {
        public double PerSecond => Count / Seconds;

        public Breakdown? Breakdown { get; init; }

        public ProcessorFigures? Processors { get; init; }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Count} in {Seconds:0.00} s ({PerSecond:0} a second), p50 {P50Ms:0} ms, p95 {P95Ms:0} ms, {RoundTrips:0.0} database round trips each{Chain}{Processors}{(Failures > 0 ? $", {Failures} not 201" : string.Empty)}");
    }

    /// <summary>
    /// The audit chain's lock (PostgreSQL): held from its grant to the commit, a hold on average, and for what share of the
    /// round; how many holds committed (one a save before decision 0085, one a sealing since, each sealing many saves).
    /// </summary>
    private sealed record ChainLockFigures(double HeldMs, double WaitedMs, double ShareOfRound, long Holds)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"; chain lock held {HeldMs:0.00} ms a hold, {Holds} holds ({ShareOfRound:P0} of the round), waited for {WaitedMs:0} ms");
    }

    /// <summary>Times added up from many threads: how many, and how long in all.</summary>
    private sealed class Tally
    {
        private long _count;
        private long _ticks;

        public void Add(TimeSpan time)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, time.Ticks);
        }

        public (long Count, TimeSpan Total) Read() => (Interlocked.Read(ref _count), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));
    }

    /// <summary>Tallies by name, read as a snapshot so a round's share is the difference of two.</summary>
    private sealed class Tallies
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Tally> _byName = new(StringComparer.Ordinal);

        public void Add(string name, TimeSpan time) => _byName.GetOrAdd(name, _ => new Tally()).Add(time);

        public Snapshot Read() => new(_byName.ToDictionary(t => t.Key, t => t.Value.Read(), StringComparer.Ordinal));
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, (long Count, TimeSpan Total)> ByName)
    {
        public Snapshot Since(Snapshot earlier) => new(ByName
            .Select(t => (t.Key, Value: earlier.ByName.TryGetValue(t.Key, out var before) ? (t.Value.Count - before.Count, t.Value.Total - before.Total) : t.Value))
            .Where(t => t.Value.Item1 > 0)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
    }

    /// <summary>The requests' time in the server (<c>--breakdown</c>).</summary>
    private static class ServerTime
    {
        private static readonly Tallies Requests = new();

        public static void Add(TimeSpan time) => Requests.Add("request", time);

        public static Snapshot Snapshot => Requests.Read();
    }

    /// <summary>
    /// A round's requests: their mean time in the server, and the mean time a request spent in each kind of statement
    /// (wall time from sending it to its answer read, waiting for the database, the network and the scheduler included).
    /// </summary>
    private sealed record Breakdown(Snapshot Server, Snapshot Statements, int Requests)
    {
        public override string ToString()
        {
            var text = new System.Text.StringBuilder();
            var server = Server.ByName.TryGetValue("request", out var request) ? request.Total.TotalMilliseconds / Requests : 0;
            text.Append(CultureInfo.InvariantCulture, $"    in the server {server,7:0.00} ms");
            var database = 0.0;
            foreach (var (name, (count, total)) in Statements.ByName.OrderByDescending(t => t.Value.Total))
            {
                var each = total.TotalMilliseconds / Requests;
                database += each;
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {each,7:0.00} ms  {count / (double)Requests,4:0.0} a request  {name}");
            }

            text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {database,7:0.00} ms in statements; {server - database,7:0.00} ms outside them (the app's own work, and waits for a thread or a connection)");
            return text.ToString();
        }
    }

    /// <summary>
    /// Counts the statements sent to the database (queries, writes, and the transactions' begin, commit and rollback):
    /// each one is a round trip to PostgreSQL, and a call into SQLite.
    /// </summary>
    private sealed class RoundTrips : DbCommandInterceptor
    {
        public static readonly RoundTrips Instance = new();
        private long _count;

        public RoundTrips() => Transactions = new TransactionTrips(this);

        public long Count => Interlocked.Read(ref _count);

        private readonly Tallies _statements = new();

        /// <summary>The time spent in each kind of statement so far (<see cref="KindOf"/>).</summary>
        public Snapshot Statements => _statements.Read();

        private void Timed(DbCommand command, TimeSpan duration) => _statements.Add(KindOf(command.CommandText), duration);

        /// <summary>A statement named by what it does: the chain's lock, the save's batch, or a read by the table it reads first.</summary>
        private static string KindOf(string sql)
        {
            if (sql.Contains("advisory_xact_lock", StringComparison.Ordinal))
            {
                return "the audit chain's lock (waiting for it included)";
            }

            if (sql.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) || sql.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase))
            {
                return "the save's rows and audit entries";
            }

            var from = sql.IndexOf("FROM ", StringComparison.OrdinalIgnoreCase);
            if (from < 0)
            {
                return "other";
            }

            var table = sql[(from + 5)..].TrimStart().Split([' ', '\n', '\r', ')'], 2)[0].Trim('"');
            return table == "audit_entries" ? "the audit chain's last entry" : $"read from {table}";
        }

        public void TransactionTimed(string what, TimeSpan duration) => _statements.Add(what, duration);

        public IInterceptor Transactions { get; }

        private void Add() => Interlocked.Increment(ref _count);

        // With --statements: the statements sent while recording, each as its first 160 characters on one line.
        private System.Collections.Concurrent.ConcurrentQueue<string>? _recorded;

        /// <summary>Starts recording every statement sent (true), or stops and returns what was recorded (false).</summary>
        public List<string> Record(bool start)
        {
            var recorded = Interlocked.Exchange(ref _recorded, start ? new() : null);
            return recorded?.ToList() ?? [];
        }

        private void Note(string statement)
        {
            if (Volatile.Read(ref _recorded) is { } recorded)
            {
                var line = string.Join(' ', statement.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
                recorded.Enqueue(line.Length <= 160 ? line : string.Concat(line.AsSpan(0, 160), " ..."));
            }
        }

        private void Add(DbCommand command)
        {
            Add();
            Note(command.CommandText);
        }

        // The audit chain's lock, per transaction: when it was asked for and when granted, until the transaction ends.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DbTransaction, (long Asked, long Granted)> _locks = new();
        private long _lockCount;
        private long _heldTicks;
        private long _waitedTicks;

        public (long Count, TimeSpan Held, TimeSpan Waited) ChainLock =>
            (Interlocked.Read(ref _lockCount), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _heldTicks)), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _waitedTicks)));

        // The chain's lock, waited for or tried (the sealer after a commit, decision 0085): named by its key, so the kept
        // figures' own lock is not counted. A lock counts from its grant to a commit; a try that found it held rolls back.
        private static readonly string ChainLockKey = 0x43_4D_41_55_44_49_54L.ToString(CultureInfo.InvariantCulture);

        private static bool LocksChain(DbCommand command) =>
            command.CommandText.Contains("advisory_xact_lock(" + ChainLockKey + ")", StringComparison.Ordinal);

        private void Asked(DbCommand command)
        {
            if (LocksChain(command) && command.Transaction is { } transaction)
            {
                _locks[transaction] = (Stopwatch.GetTimestamp(), 0);
            }
        }

        private void Granted(DbCommand command)
        {
            if (LocksChain(command) && command.Transaction is { } transaction && _locks.TryGetValue(transaction, out var lockTimes))
            {
                _locks[transaction] = lockTimes with { Granted = Stopwatch.GetTimestamp() };
            }
        }

        private void Ended(DbTransaction transaction, bool committed)
        {
            if (_locks.TryRemove(transaction, out var lockTimes) && lockTimes.Granted > 0 && committed)
            {
                Interlocked.Increment(ref _lockCount);
                Interlocked.Add(ref _heldTicks, Stopwatch.GetTimestamp() - lockTimes.Granted);
                Interlocked.Add(ref _waitedTicks, lockTimes.Granted - lockTimes.Asked);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command);
            _readers[command] = Stopwatch.GetTimestamp();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            _readers[command] = Stopwatch.GetTimestamp();
            Asked(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Granted(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add(command);
            Asked(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            Asked(command);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Granted(command);
            Timed(command, eventData.Duration);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Granted(command);
            Timed(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        // A reader's time runs from sending its statement to its disposal: the rows read (and made into objects as they
        // come) with the statement.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<DbCommand, long> _readers = new();

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (_readers.TryRemove(command, out var sent))
            {
                Timed(command, Stopwatch.GetElapsedTime(sent));
            }

            return result;
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Timed(command, eventData.Duration);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Timed(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        private sealed class TransactionTrips(RoundTrips trips) : DbTransactionInterceptor
        {
            public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
            {
                trips.Add();
                trips.Note("BEGIN");
                trips.TransactionTimed("begin", eventData.Duration);
                return ValueTask.FromResult(result);
            }

            public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
            {
                trips.Add();
                trips.Note("BEGIN");
                trips.TransactionTimed("begin", eventData.Duration);
                return result;
            }

            public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                TransactionCommitted(transaction, eventData);
                return Task.CompletedTask;
            }

            public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
            {
                trips.Add();
                trips.Note("COMMIT");
                trips.TransactionTimed("commit", eventData.Duration);
                trips.Ended(transaction, committed: true);
            }

            public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                TransactionRolledBack(transaction, eventData);
                return Task.CompletedTask;
            }

            // EF's savepoint around a save in a transaction it did not begin: Npgsql sends the SAVEPOINT with the next
            // statement, and the RELEASE on its own, a round trip (decision 0101).
            public override Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
            {
                trips.Note("SAVEPOINT (sent with the next statement)");
                return Task.CompletedTask;
            }

            public override Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
            {
                trips.Add();
                trips.Note("RELEASE SAVEPOINT");
                return Task.CompletedTask;
            }

            public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
            {
                trips.Add();
                trips.Note("ROLLBACK");
                trips.Ended(transaction, committed: false);
            }
        }
    }
}
