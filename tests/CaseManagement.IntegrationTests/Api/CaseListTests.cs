using System.Text;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>The waiting list sorted and filtered, the team's priority for allocation, and every list as CSV, on both databases.</summary>
public abstract class CaseListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string query, IReadOnlyCollection<Guid> among)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases?filter=Waiting&pageSize=100&{query}");
        return list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(among.Contains).ToList();
    }

    [SkippableFact]
    public async Task WaitingList_InPriorityThenLongestWait_SortedAndFilteredByAColumn()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (a, _) = await TestCases.NewCaseAsync(manager, "Education", "Routine");
        var (b, _) = await TestCases.NewCaseAsync(manager, "Health", "Urgent");
        var (c, childC) = await TestCases.NewCaseAsync(manager, "Education", "Routine");
        Guid[] ours = [a, b, c];

        // An urgent referral makes its case high priority; the team raises one and lowers another.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/cases/{c}/priority", new { priority = "High" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/cases/{a}/priority", new { priority = "Low" })).StatusCode);

        Assert.Equal([b, c, a], await ListedAsync(manager, string.Empty, ours));
        Assert.Equal([a, b, c], await ListedAsync(manager, "sort=DaysWaiting&descending=true", ours));
        Assert.Equal([c, b, a], await ListedAsync(manager, "sort=DaysWaiting", ours));
        Assert.Equal([c, a], await ListedAsync(manager, "source=Education", ours));
        Assert.Equal([b], await ListedAsync(manager, "urgency=Urgent", ours));
        Assert.Equal([a], await ListedAsync(manager, "priority=Low", ours));
        Assert.Equal([c, a, b], await ListedAsync(manager, "sort=Urgency", ours));
        Assert.Equal([b, c, a], await ListedAsync(manager, "sort=Urgency&descending=true", ours));

        var listed = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Waiting&pageSize=100&source=Education")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(listed, i => Assert.Equal("Education", i.GetProperty("source").GetString()));
        Assert.Equal("Routine", listed.Single(i => i.GetProperty("id").GetGuid() == c).GetProperty("urgency").GetString());
        Assert.Equal("High", listed.Single(i => i.GetProperty("id").GetGuid() == c).GetProperty("priority").GetString());

        // The change is on the child's timeline; a value that is not a priority, or a case already allocated, is refused with a reason.
        var timeline = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childC}/timeline");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "PriorityChanged");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync($"/api/v1/cases/{c}/priority", new { priority = "Soonest" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/cases?filter=Waiting&sort=Shoe")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/cases?filter=Waiting&page=100000000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/cases?show=waiting&page=100000000")).StatusCode);
        var choices = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{b}/choices");
        var caseManager = choices.GetProperty("caseManagers").EnumerateArray().First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{b}/allocation", new { caseManagerUserId = caseManager })).StatusCode);
        var refused = await manager.PutAsJsonAsync($"/api/v1/cases/{b}/priority", new { priority = "Low" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Only a case on the waiting list has a priority for allocation.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unallocated_ACaseWhoseCaseManagerLeft_IsCountedListedAndMarked()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, _) = await TestCases.NewCaseAsync(manager, "Education", "Routine");
        Guid rhianId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var teamId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.TeamId).SingleAsync();
            var rhian = new ApplicationUser { UserName = "rhian.price@demo.example", Email = "rhian.price@demo.example", DisplayName = "Rhian Price" };
            Assert.True((await accounts.CreateAsync(rhian)).Succeeded);
            Assert.True((await accounts.AddToRoleAsync(rhian, Roles.CaseManager)).Succeeded);
            db.TeamMemberships.Add(new TeamMembership { UserId = rhian.Id, TeamId = teamId });
            await db.SaveChangesAsync();
            rhianId = rhian.Id;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = rhianId })).StatusCode);
        var before = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(0, before.GetProperty("withoutActiveCaseManager").GetInt32());
        Assert.Equal(before.GetProperty("waitingForAllocation").GetInt32(), before.GetProperty("unallocated").GetInt32());

        // Rhian leaves: her account is disabled. Her case is nobody's now, and the team manager sees it.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var rhian = (await accounts.FindByIdAsync(rhianId.ToString()))!;
            rhian.LockoutEnd = DateTimeOffset.MaxValue;
            Assert.True((await accounts.UpdateAsync(rhian)).Succeeded);
        }

        var after = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(1, after.GetProperty("withoutActiveCaseManager").GetInt32());
        Assert.Equal(after.GetProperty("waitingForAllocation").GetInt32() + 1, after.GetProperty("unallocated").GetInt32());
        var load = after.GetProperty("caseloads").EnumerateArray().Single(c => c.GetProperty("caseManagerUserId").GetGuid() == rhianId);
        Assert.False(load.GetProperty("active").GetBoolean());
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Unallocated&pageSize=100");
        Assert.Equal(after.GetProperty("unallocated").GetInt32(), list.GetProperty("totalCount").GetInt32());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == caseId && i.GetProperty("caseManager").GetString() == "Rhian Price");
        var page = await manager.GetStringAsync("/team");
        Assert.Contains("No longer works the team", page, StringComparison.Ordinal);

        // The team manager moves Rhian's caseload to Siân: to nobody, to a disabled account or to Rhian herself is refused.
        var sian = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices")).GetProperty("caseManagers").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == "Siân Evans").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/team/caseloads/{rhianId}/move", new { toUserId = Guid.Empty })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/team/caseloads/{rhianId}/move", new { toUserId = rhianId })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsJsonAsync($"/api/v1/team/caseloads/{sian}/move", new { toUserId = rhianId })).StatusCode);
        var moved = await manager.PostAsJsonAsync($"/api/v1/team/caseloads/{rhianId}/move", new { toUserId = sian });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moved").GetInt32());

        var settled = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(0, settled.GetProperty("withoutActiveCaseManager").GetInt32());
        var held = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal("Siân Evans", held.GetProperty("caseManager").GetProperty("name").GetString());
        Assert.Equal(2, held.GetProperty("allocations").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostAsJsonAsync($"/api/v1/team/caseloads/{rhianId}/move", new { toUserId = sian })).StatusCode);
    }

    [SkippableFact]
    public async Task CaseListCsv_InWelsh_IsUtf8WithWelshHeadersTheChildsNameAndAnAuditEntry()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var given = "Gwenllïan" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray());
        await TestCases.NewCaseAsync(manager, "Education", "Routine", given);
        await manager.GetAsync("/language/cy-GB?returnUrl=/");

        var response = await manager.GetAsync("/cases?show=waiting&source=Education&handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Plentyn,Dyddiad geni,Statws,Blaenoriaeth,Brys,Ffynhonnell,", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.Contains(given, StringComparison.Ordinal));
        Assert.Contains(",Yn aros i gael ei ddyrannu,Arferol,Arferol,Addysg,", row, StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Addysg,", l, StringComparison.Ordinal));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.Export && e.EntityType == "CaseList" && e.EntityId == "Waiting"));
    }

    [SkippableFact]
    public async Task EveryListAndTheTeamFigures_DownloadAsCsvWithHeaders()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");

        // The demo has no closed case and no assessment awaiting countersignature: those files are their header alone.
        foreach (var (path, header, rows) in new[]
        {
            ("/cases?show=open&handler=Csv", "Child,Date of birth,Status,Priority,Urgency,Source,First referred,Days waiting,Case manager,Weight,", true),
            ("/cases?show=closed&handler=Csv", "Child,", false),
            ("/referrals?handler=Csv", "Reference,Child,Source,Urgency,Status,Received", true),
            ("/assessments/awaiting-countersignature?handler=Csv", "Child,Version,Submitted,By,", false),
            ("/team?handler=Csv", "Case manager,Open cases,Weighted caseload,Reviews overdue", true),
            ("/team?handler=FiguresCsv", "Figure,Value", true),
            ("/team/outcomes?handler=Csv", "Figure,Item,Value", true),
        })
        {
            var response = await manager.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
            Assert.StartsWith(header, text, StringComparison.Ordinal);
            Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1 == rows, $"{path}: rows {(rows ? "missing" : "unexpected")}");
        }

        // The team's caseloads and its figures are a table each, in a file each: no blank row, no second header.
        var caseloads = Encoding.UTF8.GetString((await manager.GetByteArrayAsync("/team?handler=Csv"))[3..]);
        Assert.DoesNotContain("\r\n,,,\r\n", caseloads, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for allocation", caseloads, StringComparison.OrdinalIgnoreCase);

        // The demo's open case is in the open list's file, its case manager beside it.
        var open = await manager.GetStringAsync("/cases?show=open&handler=Csv");
        Assert.Contains("Siân Evans", open, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListCsv_NameStartingLikeAFormula_ReachesTheSpreadsheetAsText()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var suffix = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray());
        string[] names = ["=SUM(1+1)" + suffix, "+Ffion" + suffix, "-Cerys" + suffix, "@Megan" + suffix];
        foreach (var name in names)
        {
            await TestCases.NewCaseAsync(manager, "Education", "Routine", name);
        }

        foreach (var path in new[] { "/cases?show=waiting&handler=Csv", "/referrals?handler=Csv" })
        {
            using var reader = new StreamReader(await manager.GetStreamAsync(path));
            using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
            var fields = new List<string>();
            while (await csv.ReadAsync())
            {
                fields.AddRange(csv.Parser.Record ?? []);
            }

            foreach (var name in names)
            {
                Assert.Contains(fields, f => f.StartsWith("'" + name, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(fields, f => f.Length > 0 && "=+-@".Contains(f[0], StringComparison.Ordinal));
        }
    }
}

public sealed class SqliteCaseListTests(SqliteAppFactory factory) : CaseListTests<SqliteAppFactory>(factory);

public sealed class PostgresCaseListTests(PostgresAppFactory factory) : CaseListTests<PostgresAppFactory>(factory);

public sealed class SqlServerCaseListTests(SqlServerAppFactory factory) : CaseListTests<SqlServerAppFactory>(factory);
