using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Matching;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- seed --children 100000 [--seed 42] [--team "Cwm Taf Prevention Team"]</c>
/// (with the app's usual configuration) adds a large set of fictional children, referrals, cases, assessments and
/// reviews to a team, for measuring (docs/performance.md). Refused in Production.
/// </summary>
public static class SeedCommand
{
    public const string Verb = "seed";

    private const string Usage = "Usage: seed --children 100000 [--seed 42] [--team \"Team name\"]";

    private static readonly string[] Options = ["--children", "--seed", "--team"];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        CommandArguments arguments;
        try
        {
            arguments = CommandArguments.Parse(args, Options);
        }
        catch (CommandException ex)
        {
            await output.WriteLineAsync(ex.Message);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var builder = AppHost.CreateBuilder([]);
        builder.AddCaseManagement();
        await using var app = builder.Build();
        if (app.Environment.IsProduction())
        {
            await output.WriteLineAsync("The seed command adds fictional records: it is refused in Production.");
            return 1;
        }

        try
        {
            var children = arguments.Integer("--children", 100_000, 1, 2_000_000);
            var seed = arguments.Integer("--seed", 42, int.MinValue, int.MaxValue);
            var teamName = arguments.Optional("--team");
            if (!await app.TryPrepareDatabaseAsync(output))
            {
                return AppHost.DatabaseUnavailable;
            }

            var scopes = new List<AsyncServiceScope>();
            try
            {
                IServiceProvider NewScope()
                {
                    var scope = app.Services.CreateAsyncScope();
                    scopes.Add(scope);
                    return scope.ServiceProvider;
                }

                AppDbContext NewContext() => NewScope().GetRequiredService<AppDbContext>();

                var db = NewContext();
                var team = await db.Teams.Where(t => teamName == null || t.Name == teamName).OrderBy(t => t.Name).FirstOrDefaultAsync()
                    ?? throw new CommandException(teamName is null ? "There is no team: create one first (or run with demo data)." : $"There is no team named {teamName}.", showUsage: false);
                var members = await db.TeamMemberships.Where(m => m.TeamId == team.Id).Select(m => m.UserId).ToListAsync();
                var users = NewScope().GetRequiredService<UserManager<ApplicationUser>>();
                var caseManagers = (await users.GetUsersInRoleAsync(Roles.CaseManager)).Where(u => members.Contains(u.Id)).Select(u => u.Id).ToList();

                var clock = Stopwatch.StartNew();
                var result = await ScaleSeeder.SeedAsync(NewContext, team.Id, caseManagers, children, seed, DateTime.UtcNow, CancellationToken.None);
                var seeded = clock.Elapsed;
                var indexed = await NewScope().GetRequiredService<ChildMatcher>().IndexUnindexedAsync(CancellationToken.None);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Seeded {result.Children:N0} children, {result.Referrals:N0} referrals, {result.Cases:N0} cases, {result.Assessments:N0} assessments and {result.Reviews:N0} reviews into {team.Name} in {seeded.TotalSeconds:0.0} s; matching keys for {indexed:N0} records in {(clock.Elapsed - seeded).TotalSeconds:0.0} s."));
                return 0;
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        }
        catch (CommandException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
