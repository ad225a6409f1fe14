using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Api;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>
/// A page while the database is too busy to answer (decision 0074): 503 with Retry-After and the busy page, in the
/// reader's language, as the API answers 503 (decision 0068), never the 500 page; a form sent then is not saved, and
/// sent again once the database answers, it is saved once. The app runs on a database that runs out of room sooner
/// (<see cref="ConstrainedAppFactory"/>), which the test fills.
/// </summary>
public abstract class BusyPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : ConstrainedAppFactory
{
    private const string BusyTitle = "Sorry, the service is busy";

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task PageGet_DatabaseTooBusy_Is503WithRetryAfterAndSaysNothingIsLost()
    {
        using var client = await factory.SignedInAsync();
        var referral = await ReferralPageAsync(client);

        HttpResponseMessage busy;
        await using (await HoldDatabaseAsync())
        {
            busy = await client.GetAsync(referral);
        }

        var html = WebUtility.HtmlDecode(await busy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", busy.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title>{BusyTitle} – ", html, StringComparison.Ordinal);
        Assert.Contains("It cannot answer right now because too much is happening at once.", html, StringComparison.Ordinal);
        Assert.Contains("Nothing you have saved has been lost. Try again in a minute.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("problem with the service", html, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("The database was too busy for a request to", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("Unhandled exception in a request", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(referral)).StatusCode);
    }

    [SkippableFact]
    public async Task PagePost_DatabaseTooBusy_Is503AndTheNoteIsNotSavedUntilSentAgain()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var notes = $"/cases/{caseId}/notes";
        var note = $"Rang the school {Guid.NewGuid():N}";
        var form = AppFactory.Form(await client.GetStringAsync(notes), ("FormKey", Guid.NewGuid().ToString()), ("Category", "General"), ("Visibility", "EveryoneOnTheCase"), ("Text", note));
        var sent = await form.ReadAsByteArrayAsync();

        HttpResponseMessage busy;
        await using (await HoldDatabaseAsync())
        {
            busy = await client.PostAsync(notes, Copy(sent));
        }

        var html = WebUtility.HtmlDecode(await busy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("What you sent was not saved, so nothing will be saved twice. Go back and send it again in a minute.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(note, await client.GetStringAsync(notes), StringComparison.Ordinal);

        var again = await client.PostAsync(notes, Copy(sent));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(Regex.Matches(await client.GetStringAsync(notes), Regex.Escape(note)));
    }

    [SkippableFact]
    public async Task PageGet_DatabaseTooBusyInWelsh_TheBusyPageIsInWelsh()
    {
        using var client = await factory.SignedInAsync();
        var referral = await ReferralPageAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language/cy-GB?returnUrl=%2F")).StatusCode);

        HttpResponseMessage busy;
        await using (await HoldDatabaseAsync())
        {
            busy = await client.GetAsync(referral);
        }

        var html = WebUtility.HtmlDecode(await busy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("<html lang=\"cy\"", html, StringComparison.Ordinal);
        Assert.Contains(">Mae'n ddrwg gennym, mae'r gwasanaeth yn brysur</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Does dim byd rydych chi wedi'i gadw wedi'i golli. Rhowch gynnig arall arni ymhen munud.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A referral's page: reading it is recorded in the audit trail, so it writes, and is kept waiting even on SQLite,
    /// whose readers a writer never blocks (WAL).
    /// </summary>
    private static async Task<string> ReferralPageAsync(HttpClient client) =>
        Regex.Match(await client.GetStringAsync("/referrals"), "href=\"(/referrals/[0-9a-f-]{36})\">R-DEMO-0004<").Groups[1].Value;

    private static ByteArrayContent Copy(byte[] form)
    {
        var content = new ByteArrayContent(form);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>
    /// Keeps the pages from the database until disposed: on SQLite the write lock (a page that writes waits for it, and
    /// gives up after the constrained time-out); on a server every connection of the app's pool, taken through the
    /// app's own context so that they are that pool's.
    /// </summary>
    private async Task<IAsyncDisposable> HoldDatabaseAsync()
    {
        var held = new Held();
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var file = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
            var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(file) { Pooling = false }.ToString());
            held.Add(sqlite);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();
            return held;
        }

        for (var i = 0; i < ConstrainedAppFactory.PoolSize; i++)
        {
            var scope = factory.Services.CreateAsyncScope();
            held.Add(scope);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.OpenConnectionAsync();
        }

        return held;
    }

    private sealed class Held : List<IAsyncDisposable>, IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var item in this)
            {
                await item.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteBusyPageTests(ConstrainedSqliteAppFactory factory) : BusyPageTests<ConstrainedSqliteAppFactory>(factory);

public sealed class PostgresBusyPageTests(ConstrainedPostgresAppFactory factory) : BusyPageTests<ConstrainedPostgresAppFactory>(factory);

public sealed class SqlServerBusyPageTests(ConstrainedSqlServerAppFactory factory) : BusyPageTests<ConstrainedSqlServerAppFactory>(factory);
