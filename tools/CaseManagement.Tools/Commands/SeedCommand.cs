using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Matching;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Seeding;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseManagement.Tools.Commands;

/// <summary>
/// <c>dotnet run --project tools/CaseManagement.Tools -- seed --children 100000 [--seed 42] [--team "Cwm Taf Prevention Team"]</c>
/// adds a large set of fictional children, referrals, cases, assessments, reviews and the work with each child (contacts,
/// interventions, onward referrals) to a team of the app's database
/// (the app's own configuration, read from its folder), for measuring (docs/performance.md). Refused in Production.
/// </summary>
internal static class SeedCommand
{
    public const string Name = "seed";

    public static Command Create()
    {
        var children = ToolCommands.WholeNumber("--children", "How many fictional children to add.", 100_000, 1, 2_000_000);
        var seed = ToolCommands.WholeNumber("--seed", "The same seed gives the same children.", 42, int.MinValue, int.MaxValue);
        var team = new Option<string?>("--team") { Description = "The team to add them to (by default the first by name).", HelpName = "Team name" };
        var app = new Option<string?>("--app") { Description = "The app's folder, whose appsettings.json and data folder are used; by default the repository's src/CaseManagement.Web, or the current folder when it holds an appsettings.json.", HelpName = "folder" };
        var command = new Command(Name, "Adds a large set of fictional children to a team of the app's database, for measuring. Refused in Production.")
        {
            children, seed, team, app,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetValue(children), parsed.GetValue(seed), parsed.GetValue(team), parsed.GetValue(app), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static async Task<int> RunAsync(int children, int seed, string? teamName, string? appFolder, TextWriter output)
    {
        string folder;
        try
        {
            folder = CommandFiles.AppFolder(appFolder, "--app")
                ?? throw new CommandException("The app's folder was not found: run from the repository's root, or give --app with the folder of the app's appsettings.json.");
        }
        catch (CommandException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return ToolCommands.InputProblem;
        }

        var builder = AppHost.CreateBuilder(["--contentRoot", folder]);
        builder.AddCaseManagement();
        await using var app = builder.Build();
        if (app.Environment.IsProduction())
        {
            await output.WriteLineAsync("The seed command adds fictional records: it is refused in Production.");
            return 1;
        }

        try
        {
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
                    ?? throw new CommandException(teamName is null ? "There is no team: create one first (or run with demo data)." : $"There is no team named {teamName}.");
                var members = await db.TeamMemberships.Where(m => m.TeamId == team.Id).Select(m => m.UserId).ToListAsync();
                var users = NewScope().GetRequiredService<UserManager<ApplicationUser>>();
                var caseManagers = (await users.GetUsersInRoleAsync(Roles.CaseManager)).Where(u => members.Contains(u.Id)).Select(u => u.Id).ToList();

                var clock = Stopwatch.StartNew();
                var result = await ScaleSeeder.SeedAsync(NewContext, team.Id, caseManagers, children, seed, DateTime.UtcNow, CancellationToken.None);
                var seeded = clock.Elapsed;
                var indexed = await NewScope().GetRequiredService<ChildMatcher>().RekeyAsync(CancellationToken.None);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Seeded {result.Children:N0} children, {result.Referrals:N0} referrals, {result.Cases:N0} cases, {result.Assessments:N0} assessments, {result.Reviews:N0} reviews, {result.Contacts:N0} contacts, {result.Interventions:N0} interventions and {result.OnwardReferrals:N0} onward referrals into {team.Name} in {seeded.TotalSeconds:0.0} s; matching keys for {indexed:N0} records in {(clock.Elapsed - seeded).TotalSeconds:0.0} s."));
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
            return ToolCommands.InputProblem;
        }
    }
}
