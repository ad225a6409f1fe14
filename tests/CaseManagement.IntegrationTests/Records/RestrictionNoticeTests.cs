using System.Text.RegularExpressions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Records.Rights.Queries.GetRestrictionNotice;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Records;

/// <summary>
/// The banner on a restricted child's pages (decision 0062): since when, for those who may see the child, never why;
/// and for anyone else no hint of it, so the banner tells no one outside the need to know that the child exists.
/// </summary>
public abstract partial class RestrictionNoticeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Banner = "data-testid=\"restricted-banner\"";
    private const string Reason = "Family contest the accuracy of the referral.";
    private const string PractitionerEmail = "practitioner@demo.example";

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Banner_ToACaseMember_SaysSinceWhenButNotWhy()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(PractitionerEmail);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var childId = await ChildOfAsync(caseManager, caseId);
        await RestrictAsync(childId);
        var since = $"restricted since {TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")):d MMMM yyyy}";

        foreach (var (who, client) in new[] { ("case manager", caseManager), ("seconded officer on the case", police) })
        {
            foreach (var path in new[] { $"/cases/{caseId}", $"/cases/{caseId}/notes", $"/children/{childId}/timeline" })
            {
                var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
                Assert.True(page.Contains(Banner, StringComparison.Ordinal), $"No banner for the {who} on {path}.");
                Assert.Contains(since, page, StringComparison.Ordinal);
                Assert.DoesNotContain(Reason, page, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public async Task Banner_ToSomeoneWhoMayNotSeeTheChild_AnswersAsForAChildWithoutARestriction()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(PractitionerEmail);
        var (restrictedCase, restrictedChild) = await TestCases.NewCaseAsync(caseManager);
        var (plainCase, plainChild) = await TestCases.NewCaseAsync(caseManager);
        await RestrictAsync(restrictedChild);

        // The seconded officer is on neither case: every page of either child answers them the same way.
        foreach (var path in new[] { "/cases/{case}", "/cases/{case}/notes", "/children/{child}/timeline", "/children/{child}/rights" })
        {
            using var restricted = await police.GetAsync(path.Replace("{case}", $"{restrictedCase}", StringComparison.Ordinal).Replace("{child}", $"{restrictedChild}", StringComparison.Ordinal));
            using var plain = await police.GetAsync(path.Replace("{case}", $"{plainCase}", StringComparison.Ordinal).Replace("{child}", $"{plainChild}", StringComparison.Ordinal));
            var restrictedBody = Comparable(await restricted.Content.ReadAsStringAsync(), restrictedCase, restrictedChild);
            var plainBody = Comparable(await plain.Content.ReadAsStringAsync(), plainCase, plainChild);

            Assert.Equal(plain.StatusCode, restricted.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, restricted.StatusCode);
            Assert.Equal(plainBody, restrictedBody);
            Assert.DoesNotContain(Banner, restrictedBody, StringComparison.Ordinal);
        }

        // The question the banner asks answers nothing about a child the officer may not see, whoever shows it to them.
        var officer = new SecondedPractitioner(await PractitionerIdAsync(caseManager, plainCase));
        Assert.Null(await SendAsAsync(officer, new GetRestrictionNotice(restrictedChild)));
        Assert.Null(await SendAsAsync(officer, new GetRestrictionNotice(plainChild)));
    }

    private async Task RestrictAsync(Guid childId)
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var restricted = await manager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction", new { reason = Reason });
        Assert.Equal(HttpStatusCode.NoContent, restricted.StatusCode);
    }

    /// <summary>The page with the ids it was asked about, and the antiforgery token every page draws anew, taken out.</summary>
    private static string Comparable(string page, Guid caseId, Guid childId) =>
        AntiforgeryToken().Replace(page.Replace($"{caseId}", "{case}", StringComparison.Ordinal).Replace($"{childId}", "{child}", StringComparison.Ordinal), "$1");

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex AntiforgeryToken();

    private static async Task<Guid> ChildOfAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childId").GetGuid();

    private static async Task<Guid> PractitionerIdAsync(HttpClient caseManager, Guid caseId) =>
        (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices")).GetProperty("practitioners").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "PC Rhys Davies").GetProperty("id").GetGuid();

    private async Task<TResponse> SendAsAsync<TResponse>(ICurrentUser user, IRequest<TResponse> request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>The demo's seconded police officer, as the app knows them when they sign in.</summary>
    private sealed class SecondedPractitioner(Guid userId) : ICurrentUser
    {
        public Guid? UserId => userId;

        public bool IsAuthenticated => true;

        public string DisplayName => "PC Rhys Davies";

        public string? IpAddress => null;

        public IReadOnlyList<Guid> TeamIds => [];

        public bool IsInRole(string role) => role == Roles.SecondedPractitioner;
    }
}

public sealed class SqliteRestrictionNoticeTests(SqliteAppFactory factory) : RestrictionNoticeTests<SqliteAppFactory>(factory);

public sealed class PostgresRestrictionNoticeTests(PostgresAppFactory factory) : RestrictionNoticeTests<PostgresAppFactory>(factory);

public sealed class SqlServerRestrictionNoticeTests(SqlServerAppFactory factory) : RestrictionNoticeTests<SqlServerAppFactory>(factory);
