using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Matching.Keys;
using CaseManagement.Domain.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Re-keying the register in the background (decision 0078): a register of <c>--register</c> children (100,000 unless
/// told; IntakeHttpRunner's, the project's generator) whose keys were written by the scheme before today's, then a start
/// as after a change of keys: the matching-keys job is asked for, the app serves, and a request to <c>/health/ready</c>
/// (which reads the database) is sent every 200 ms until the job finishes. Reports how soon the app answered, how long
/// its answers took meanwhile, and how long the job took. SQLite (a fresh file) or PostgreSQL (a fresh database).
/// <c>--evidence full</c> gives every child a town, address, phone and e-mail (<see cref="FullEvidence"/>, decision 0100),
/// so each has the keys on them too.
/// </summary>
public static class RekeyRunner
{
    public const string Verb = "rekey";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var size = int.Parse(Option(args, "--register") ?? "100000", CultureInfo.InvariantCulture);
        var (app, provider) = await IntakeHttpRunner.BuildAppAsync(args, "cm_rekey", "d_rekey", new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" });
        await using var _ = app;
        app.UseCaseManagement();
        if (!await app.TryPrepareDatabaseAsync(output))
        {
            return 2;
        }

        var seeding = Stopwatch.StartNew();
        var evidence = string.Equals(Option(args, "--evidence"), "full", StringComparison.OrdinalIgnoreCase) ? new FullEvidence(18) : null;
        await IntakeHttpRunner.SeedRegisterWithOldKeysAsync(app.Services, size, evidence);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== re-keying {size:N0} children in the background, {provider}, {Environment.ProcessorCount} cores{(evidence is null ? string.Empty : ", full evidence (town, address, phone, e-mail)")} =="));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  register seeded with keys of scheme {MatchBlocking.KeySchemeVersion - 1} in {seeding.Elapsed.TotalSeconds:0} s"));

        // What the next start does (PrepareDatabaseAsync), then serving.
        var start = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await MatchKeysAtStartUp.StartIfNeededAsync(scope.ServiceProvider.GetRequiredService<ChildMatcher>(), scope.ServiceProvider.GetRequiredService<IJobScheduler>(), CancellationToken.None);
        }

        var asked = start.Elapsed;
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        var answers = new List<double>();
        var failures = 0;
        TimeSpan? first = null;
        JobRun? run = null;
        while (run is null)
        {
            var one = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            answers.Add(one.Elapsed.TotalMilliseconds);
            failures += response.IsSuccessStatusCode ? 0 : 1;
            first ??= start.Elapsed;
            await Task.Delay(200);
            await using var scope = app.Services.CreateAsyncScope();
            run = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.AsNoTracking()
                .Where(r => r.JobName == JobNames.MatchKeys && r.Outcome != JobOutcome.Running)
                .FirstOrDefaultAsync();
        }

        answers.Sort();
        int left;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            left = await scope.ServiceProvider.GetRequiredService<ChildMatcher>().StaleChildren().CountAsync();
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  start-up check and job asked for in {asked.TotalMilliseconds:0} ms; first answer {first!.Value.TotalMilliseconds:0} ms after the start"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  while re-keying: {answers.Count} requests to /health/ready, {failures} not 200, median {answers[answers.Count / 2]:0} ms, slowest {answers[^1]:0} ms"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  job: {run.Outcome} in {(run.FinishedAtUtc!.Value - run.StartedAtUtc).TotalSeconds:0.0} s ({CaseManagement.Application.Jobs.JobSummary.Read(run.Summary)}); children left to key: {left}"));
        await app.StopAsync();
        return run.Outcome == JobOutcome.Succeeded ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
