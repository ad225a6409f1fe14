namespace CaseManagement.IntegrationTests.Work;

/// <summary>
/// The days since the last contact on the case lists and caseloads, flagged past the team's setting (decision 0039),
/// checked against the rows on the demo data: Dafydd's case was allocated 35 days ago and has had no contact recorded.
/// </summary>
public abstract class NoRecentContactTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task NoRecentContact_CountsCasesPastTheTeamsSetting_AndTheManagerChangesIt()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var team = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/settings")).EnumerateArray());
        var teamId = team.GetProperty("teamId").GetGuid();
        try
        {
            await SetDaysAsync(manager, teamId, 21);
            var dashboard = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
            Assert.Equal(21, dashboard.GetProperty("noContactFlagDays").GetInt32());
            Assert.Equal(1, dashboard.GetProperty("noRecentContact").GetInt32());
            Assert.Equal(1, Assert.Single(dashboard.GetProperty("caseloads").EnumerateArray()).GetProperty("noRecentContact").GetInt32());

            // The figure's list holds the same case, with the days counted from the allocation while there is no contact.
            var flagged = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=NoRecentContact")).GetProperty("items").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, flagged.GetProperty("lastContactOn").ValueKind);
            Assert.Equal(35, flagged.GetProperty("daysSinceContact").GetInt32());
            Assert.True(flagged.GetProperty("noRecentContact").GetBoolean());
            var open = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray());
            Assert.Equal(flagged.GetProperty("id").GetGuid(), open.GetProperty("id").GetGuid());

            // Waiting cases are not being worked yet: no days, no flag.
            var waiting = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Waiting")).GetProperty("items")[0];
            Assert.Equal(JsonValueKind.Null, waiting.GetProperty("daysSinceContact").ValueKind);
            Assert.False(waiting.GetProperty("noRecentContact").GetBoolean());

            // Longer than 35 days: nothing is flagged, and the list says the same.
            await SetDaysAsync(manager, teamId, 40);
            var relaxed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
            Assert.Equal(40, relaxed.GetProperty("noContactFlagDays").GetInt32());
            Assert.Equal(0, relaxed.GetProperty("noRecentContact").GetInt32());
            Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=NoRecentContact")).GetProperty("totalCount").GetInt32());
            var unflagged = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray());
            Assert.Equal(35, unflagged.GetProperty("daysSinceContact").GetInt32());
            Assert.False(unflagged.GetProperty("noRecentContact").GetBoolean());

            // Exactly the days allowed is not longer than them.
            await SetDaysAsync(manager, teamId, 35);
            Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard")).GetProperty("noRecentContact").GetInt32());
            await SetDaysAsync(manager, teamId, 34);
            Assert.Equal(1, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard")).GetProperty("noRecentContact").GetInt32());
        }
        finally
        {
            // The teams carry over between tests on PostgreSQL (only the work is reset): leave the setting as found.
            await SetDaysAsync(manager, teamId, 21);
        }
    }

    [SkippableFact]
    public async Task LastContact_FollowsTheContactsTheChildAttended_AndTheirCorrections()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var police = await factory.SignedInAsync("practitioner@demo.example");
        var caseId = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        object Contact(int daysAgo, string outcome) => new
        {
            day = today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            time = "10:00", lengthMinutes = 30, kind = "Community", childTookPart = true, summary = "Walked round the park together.", outcome,
        };

        // The seconded officer records their own contact: the case's last contact moves on, and the flag goes.
        var attended = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", Contact(3, "Attended"));
        Assert.True(attended.StatusCode == HttpStatusCode.Created, await attended.Content.ReadAsStringAsync());
        var attendedId = (await attended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var missed = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", Contact(1, "DidNotAttend"));
        Assert.True(missed.StatusCode == HttpStatusCode.Created, await missed.Content.ReadAsStringAsync());
        var open = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray());
        Assert.Equal(today.AddDays(-3), DateOnly.Parse(open.GetProperty("lastContactOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, open.GetProperty("daysSinceContact").GetInt32());
        Assert.False(open.GetProperty("noRecentContact").GetBoolean());
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard")).GetProperty("noRecentContact").GetInt32());

        // Corrected to "did not attend": no attended contact is left, so the days count from the allocation again.
        var contact = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{attendedId}");
        var corrected = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{attendedId}/outcome", new { revision = contact.GetProperty("revision").GetInt32(), outcome = "DidNotAttend" });
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
        var again = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("lastContactOn").ValueKind);
        Assert.Equal(35, again.GetProperty("daysSinceContact").GetInt32());
        Assert.Equal(1, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard")).GetProperty("noRecentContact").GetInt32());
    }

    [SkippableFact]
    public async Task SetNoContactDays_BadInputOrAnotherTeam_IsRefusedWithTheRulesWords()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();
        var teamId = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/settings"))[0].GetProperty("teamId").GetGuid();

        foreach (var days in new[] { 0, 91, -5 })
        {
            var refused = await manager.PutAsJsonAsync("/api/v1/team/settings/no-contact-days", new { teamId, days });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("The number of days must be a whole number from 1 to 90.", problem.GetProperty("errors").GetProperty("days")[0].GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync("/api/v1/team/settings/no-contact-days", new { teamId = Guid.NewGuid(), days = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PutAsJsonAsync("/api/v1/team/settings/no-contact-days", new { teamId, days = 10 })).StatusCode);
        Assert.Equal(21, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/settings"))[0].GetProperty("noContactFlagDays").GetInt32());
    }

    [SkippableFact]
    public async Task TeamPages_ShowTheFlag_TheSettingAndItsError_AndTheListsCsv()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var team = WebUtility.HtmlDecode(await manager.GetStringAsync("/team"));
        Assert.Contains("open cases with no contact for more than 21 days", team, StringComparison.Ordinal);
        Assert.Contains("href=\"/cases?show=norecentcontact\"", team, StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await manager.GetStringAsync("/cases?show=norecentcontact"));
        Assert.Contains("35 days, no contact yet", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-recent-contact\"", list, StringComparison.Ordinal);
        var csv = await manager.GetStringAsync("/cases?show=norecentcontact&handler=Csv");
        var lines = csv.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("Last contact,Days since contact,No recent contact", lines[0].Trim(), StringComparison.Ordinal);
        Assert.EndsWith(",35,Yes", lines[1].Trim(), StringComparison.Ordinal);

        var settings = await manager.GetStringAsync("/team/settings");
        var teamId = System.Text.RegularExpressions.Regex.Match(settings, "name=\"TeamId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var wrong = await manager.PostAsync("/team/settings", AppFactory.Form(settings, ("TeamId", teamId), ("Days", "three weeks")));
        var shown = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("The number of days must be a whole number from 1 to 90.", shown, StringComparison.Ordinal);
        Assert.Equal(21, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/settings"))[0].GetProperty("noContactFlagDays").GetInt32());
    }

    private static async Task SetDaysAsync(HttpClient manager, Guid teamId, int days)
    {
        var set = await manager.PutAsJsonAsync("/api/v1/team/settings/no-contact-days", new { teamId, days });
        Assert.True(set.StatusCode == HttpStatusCode.NoContent, await set.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteNoRecentContactTests(SqliteAppFactory factory) : NoRecentContactTests<SqliteAppFactory>(factory);

public sealed class PostgresNoRecentContactTests(PostgresAppFactory factory) : NoRecentContactTests<PostgresAppFactory>(factory);

public sealed class SqlServerNoRecentContactTests(SqlServerAppFactory factory) : NoRecentContactTests<SqlServerAppFactory>(factory);
