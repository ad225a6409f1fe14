using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
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
/// </summary>
public static class IntakeHttpRunner
{
    public const string Verb = "intake-http";

    private const string Password = "benchmark-password";
    private const string BarePath = "/benchmark/bare-insert";

    // A warm-up round that compiles fewer methods than this leaves the JIT settled.
    private const int SettledMethods = 20;

    private static readonly string[] Given = ["Dafydd", "Rhys", "Osian", "Cerys", "Ffion", "Megan", "Tyler", "Leah", "Sion", "Ioan", "Gethin", "Alys", "Elin", "Nia", "Jac", "Harri", "Lili", "Mali", "Evan", "Seren"];
    private static readonly string[] Family = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Lewis", "Hughes", "Morgan", "Griffiths", "Edwards", "Owen", "Price", "Jenkins", "James", "Rees", "Lloyd", "Pritchard", "Powell", "Parry"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var server = Option(args, "--postgres");
        var count = int.Parse(Option(args, "--submissions") ?? "200", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), $"cm_intake_http_{Guid.NewGuid():N}");
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
            var database = Option(args, "--database") ?? "casemgmt_intake_http";
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
            ["Jobs:Enabled"] = "false",
            ["Security:AllowPlainHttp"] = "true",
            ["Security:RateLimits:TokenPerMinute"] = "10000",
            ["Security:RateLimits:ReferralsPerMinute"] = "100000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCaseManagement();

        // MVC finds controllers in the entry assembly's references; here the entry assembly is this one, so say where they are.
        builder.Services.AddControllers().AddApplicationPart(typeof(AppHost).Assembly);
        await using var app = builder.Build();
        app.UseCaseManagement();
        app.MapPost(BarePath, BareInsertAsync).AllowAnonymous().ExcludeFromDescription();
        if (!await app.TryPrepareDatabaseAsync(output))
        {
            return 2;
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = count }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var token = await TokenAsync(http, "casemanager@demo.example");

        await output.WriteLineAsync($"== {count} concurrent referral submissions through HTTP, {provider}, {Environment.ProcessorCount} cores ==");
        var warmUps = await WarmUpAsync(http, token);
        await output.WriteLineAsync($"  warmed up: {warmUps} rounds of 50 each, until the JIT compiled fewer than {SettledMethods} methods in one");
        for (var run = 1; run <= runs; run++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var bare = await SendAllAsync(http, token, count, api: false);
            var api = await SendAllAsync(http, token, count, api: true);
            await output.WriteLineAsync($"  run {run}: bare insert   {bare}");
            await output.WriteLineAsync($"  run {run}: POST referral {api}");
            await output.WriteLineAsync($"  run {run}: submissions at {api.PerSecond / bare.PerSecond:P0} of the bare endpoint's rate ({JitInfo.GetCompiledMethodCount() - compiled} methods compiled meanwhile)");
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>
    /// Both endpoints in rounds of 50 until a round compiles next to nothing (at most 12 rounds). Tiered compilation
    /// compiles a hot method again, twice, on a background thread once it has been called often enough; the submission's
    /// path has far more methods than the bare insert's, and on a busy 2-core machine that thread took 40 % of the process's
    /// time through the first measured rounds. A server is measured as it runs all day: compiled.
    /// </summary>
    private static async Task<int> WarmUpAsync(HttpClient http, string token)
    {
        for (var round = 1; ; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await SendAllAsync(http, token, 50, api: true);
            await SendAllAsync(http, token, 50, api: false);

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
        var referral = Referral.Receive(new ReferralSubmission(teamId, ReferralSource.Education, "Head of year", null, null, "Attendance has fallen.", ReferralUrgency.Routine, child), ReferralReference.New(now), now);
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

    private static async Task<Figures> SendAllAsync(HttpClient http, string token, int count, bool api)
    {
        var requests = Enumerable.Range(0, count).Select(_ => api ? Submission(token) : new HttpRequestMessage(HttpMethod.Post, BarePath)).ToList();
        var times = new double[count];
        var failures = 0;
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
        Array.Sort(times);
        return new Figures(count, failures, clock.Elapsed.TotalSeconds, times[count / 2], times[(int)Math.Ceiling(count * 0.95) - 1]);
    }

    private static HttpRequestMessage Submission(string token)
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
                childGivenName = Given[Random.Shared.Next(Given.Length)],
                childFamilyName = Family[Random.Shared.Next(Family.Length)],
                childDateOfBirth = new DateOnly(2011, 1, 1).AddDays(Random.Shared.Next(1500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                childSex = "Female",
                childPostcode = "CF37 1DL",
                childPreferredLanguage = "English",
                childEmail = $"family{Random.Shared.Next(100_000)}@example.com",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed record Figures(int Count, int Failures, double Seconds, double P50Ms, double P95Ms)
    {
        public double PerSecond => Count / Seconds;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Count} in {Seconds:0.00} s ({PerSecond:0} a second), p50 {P50Ms:0} ms, p95 {P95Ms:0} ms{(Failures > 0 ? $", {Failures} not 201" : string.Empty)}");
    }
}
