using CaseManagement.Application.Matching;
using CaseManagement.Application.Matching.Parameters;
using CaseManagement.Application.Matching.Parameters.Commands.ActivateMatchParameters;
using CaseManagement.Application.Matching.Parameters.Commands.EstimateMatchParameters;
using CaseManagement.Application.Matching.Parameters.Queries.GetMatchParameters;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Matching;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Matching;

/// <summary>
/// Matching weights learned from the register and kept in the database (issue 18, docs/decisions/0066), on every
/// database: a re-estimation stores a proposal, activating it retires the set before (every version kept, with who
/// asked and who activated), discarding keeps the weights in use, and intake scores with the active set.
/// </summary>
public abstract class MatchParameterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Admin = "admin@demo.example";

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();

        // The weights intake holds belong to the server, not the database Respawn has just reset.
        if (TestDatabase.IsAvailable(factory.Provider))
        {
            factory.Services.GetRequiredService<ActiveMatchParameters>().Refresh();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Reestimate_ThenActivateOrDiscard_KeepsEveryVersionAndWhoDidIt()
    {
        using var admin = await factory.SignedInAsync(Admin);
        var adminId = await UserIdAsync(Admin);
        var before = await CountSetsAsync();

        // Too few children: nothing is stored, and the page says so instead of offering the button.
        Assert.StartsWith("Too few children to learn from", (await factory.Services.SendAsSystemAsync(new EstimateMatchParameters(adminId))).ToString());
        Assert.Equal(before, await CountSetsAsync());
        var page = await admin.GetStringAsync("/admin/matching");
        Assert.Contains("data-testid=\"too-few\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"estimate\"", page, StringComparison.Ordinal);

        await SeedRegisterAsync(WeightEstimator.SmallestBatchToLearnFrom);
        var summary = await factory.Services.SendAsSystemAsync(new EstimateMatchParameters(adminId));
        Assert.StartsWith("Weights version", summary.ToString());
        var overview = await factory.Services.SendAsAdministratorAsync(new GetMatchParameters());
        var first = Assert.IsType<MatchParameterSetDto>(overview.Proposed);
        Assert.Equal("Dylan Hughes", first.LearnedBy);
        Assert.True(first.Children >= WeightEstimator.SmallestBatchToLearnFrom);
        Assert.Contains(first.Levels, l => l.Field == MatchField.DateOfBirth && l.Level == AgreementLevel.Exact && l.Weight > 5);

        // The administrator sees the proposal beside the weights in use, in words, and activates it.
        page = await admin.GetStringAsync("/admin/matching");
        Assert.Contains($"Proposed weights, version {first.Version}", page, StringComparison.Ordinal);
        Assert.Matches("1 in [0-9.,]+ true pairs, 1 in [0-9.,]+ random pairs, weight [+\u2212][0-9.]+", page);
        var activated = await admin.PostAsync("/admin/matching?handler=Activate", AppFactory.Form(page, ("setId", first.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        page = await admin.GetStringAsync("/admin/matching");
        Assert.Contains($"Version {first.Version}, learned from the register", page, StringComparison.Ordinal);

        // A second set replaces it: the first is retired, not overwritten, and only one is in use.
        await factory.Services.SendAsSystemAsync(new EstimateMatchParameters(adminId));
        var second = (await factory.Services.SendAsAdministratorAsync(new GetMatchParameters())).Proposed!;
        Assert.Equal(first.Version + 1, second.Version);
        await factory.Services.SendAsAdministratorAsync(new ActivateMatchParameters(second.Id));

        // A third is discarded: the second stays in use.
        await factory.Services.SendAsSystemAsync(new EstimateMatchParameters(adminId));
        var third = (await factory.Services.SendAsAdministratorAsync(new GetMatchParameters())).Proposed!;
        page = await admin.GetStringAsync("/admin/matching");
        var discarded = await admin.PostAsync("/admin/matching?handler=Discard", AppFactory.Form(page, ("setId", third.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);

        overview = await factory.Services.SendAsAdministratorAsync(new GetMatchParameters());
        Assert.Null(overview.Proposed);
        Assert.Equal(second.Id, overview.Active!.Id);
        var states = overview.History.ToDictionary(s => s.Id, s => s.State);
        Assert.Equal(MatchParameterState.Retired, states[first.Id]);
        Assert.Equal(MatchParameterState.Discarded, states[third.Id]);
        Assert.Single(overview.History, s => s.State == MatchParameterState.Active);
        var retired = overview.History.Single(s => s.Id == first.Id);
        Assert.Equal("Dylan Hughes", retired.ActivatedBy);

        // The trail holds who asked for each set and who activated and discarded them.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trail = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == nameof(MatchParameterSet) && e.EntityId == first.Id.ToString()).ToListAsync();
        Assert.Contains(trail, e => e.Changes!.Contains("LearnedByUserId", StringComparison.Ordinal) && e.Changes.Contains(adminId.ToString(), StringComparison.Ordinal));
        Assert.Contains(trail, e => e.UserId == adminId && e.Changes!.Contains("ActivatedByUserId", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Intake_ScoresWithTheActiveSet()
    {
        using var client = await factory.SignedInAsync();
        var family = "Tre" + new string(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))).ToArray());
        var known = await SubmitAsync(client, family);

        // The configured table stored as a set: full agreement links.
        await ActivateAsync(MatchingOptions.Default);
        var linked = await SubmitAsync(client, family);
        Assert.Equal(known, linked);

        // A set in which agreeing on name, date of birth, sex and postcode is no evidence at all: the same details now
        // make a new child.
        var noEvidence = MatchingOptions.Default;
        foreach (var (field, levels) in MatchingOptions.DefaultProbabilities)
        {
            foreach (var (level, p) in levels.Where(l => l.Key != AgreementLevel.Disagree))
            {
                noEvidence = noEvidence.WithProbabilities(field, level, p.M, p.M);
            }
        }

        await ActivateAsync(noEvidence);
        var notLinked = await SubmitAsync(client, family);
        Assert.NotEqual(known, notLinked);
    }

    /// <summary>Stores <paramref name="options"/>' table as a proposal, as a re-estimation would, and activates it.</summary>
    private async Task ActivateAsync(MatchingOptions options)
    {
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = (await db.MatchParameterSets.MaxAsync(s => (int?)s.Version) ?? 0) + 1;
            var set = new MatchParameterSet(version, MatchParameterTable.ToJson(options), DateTime.UtcNow, null, 0, 0, 0, 0, 0);
            db.MatchParameterSets.Add(set);
            await db.SaveChangesAsync();
            id = set.Id;
        }

        await factory.Services.SendAsAdministratorAsync(new ActivateMatchParameters(id));
    }

    /// <summary>Submits a referral about Eirlys of the given family and returns the child it was linked to, if any.</summary>
    private static async Task<Guid?> SubmitAsync(HttpClient client, string family)
    {
        var response = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            source = "Education",
            referrerName = "Head of year",
            concerns = "Attendance has fallen since the spring.",
            urgency = "Routine",
            consent = "ChildAndFamily",
            lawfulBasis = "Consent",
            childGivenName = "Eirlys",
            childFamilyName = family,
            childDateOfBirth = "2012-03-04",
            childSex = "Female",
            childPostcode = "CF37 4TT",
            childPreferredLanguage = "Welsh",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var referral = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}");
        return referral.GetProperty("childId").ValueKind == JsonValueKind.Null ? null : referral.GetProperty("childId").GetGuid();
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<int> CountSetsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MatchParameterSets.CountAsync();
    }

    /// <summary>
    /// Fills the register to <paramref name="count"/> children: names, dates of birth and postcodes drawn from short
    /// lists with a fixed seed, a tenth of them entered twice with a slip, so blocking finds pairs of one child.
    /// </summary>
    private async Task SeedRegisterAsync(int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var teamId = await db.Teams.Select(t => t.Id).OrderBy(t => t).FirstAsync();
        string[] given = ["Megan", "Rhys", "Cerys", "Dylan", "Ffion", "Osian", "Seren", "Gethin", "Elin", "Tomos", "Lowri", "Iwan", "Nia", "Owain", "Mali", "Harri", "Alys", "Cai", "Efa", "Jac"];
        string[] family = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Price", "Jenkins", "Owen", "Rees", "Powell", "Pugh", "Bowen", "Vaughan", "Howells", "Prosser"];
        var random = new Random(18);
        var now = DateTime.UtcNow;
        var missing = count - await db.Children.CountAsync(c => c.MergedIntoChildId == null);
        for (var i = 0; i < missing; i++)
        {
            var details = new PersonDetails(
                given[random.Next(given.Length)],
                family[random.Next(family.Length)],
                null,
                new DateOnly(2008, 1, 1).AddDays(random.Next(3650)),
                random.Next(2) == 0 ? Sex.Female : Sex.Male,
                $"CF{random.Next(10, 48)} {random.Next(1, 9)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
                PreferredLanguage.English);
            db.Children.Add(Child.Register(teamId, details, now));
            if (i % 10 == 0 && ++i < missing)
            {
                db.Children.Add(Child.Register(teamId, details with { GivenName = details.GivenName + "e" }, now));
            }
        }

        await db.SaveChangesAsync();
    }
}

public sealed class SqliteMatchParameterTests(SqliteAppFactory factory) : MatchParameterTests<SqliteAppFactory>(factory);

public sealed class PostgresMatchParameterTests(PostgresAppFactory factory) : MatchParameterTests<PostgresAppFactory>(factory);

public sealed class SqlServerMatchParameterTests(SqlServerAppFactory factory) : MatchParameterTests<SqlServerAppFactory>(factory);
