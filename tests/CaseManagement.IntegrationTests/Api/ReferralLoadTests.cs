using System.Net.Http.Headers;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>
/// Referral submissions under load (issue 18, decision 0068): many at once through the API are each answered 201, or
/// 503 with Retry-After when the database has no room for them in time, never 500; a retry with the same
/// Idempotency-Key makes nothing twice, and the audit chain still verifies. The app runs on a database that runs out of
/// room sooner than a deployment's (<see cref="ConstrainedAppFactory"/>), so a test reaches what a busy day reaches on a server.
/// </summary>
public abstract class ReferralLoadTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const int AtOnce = 60;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Submit_ManyAtOnce_AreEach201Or503AndNoneIsMadeTwice()
    {
        using var client = await factory.SignedInAsync();
        var before = await CountAsync(client);

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => SubmitUntilCreatedAsync(client, $"Load{i}")));

        Assert.All(answers, a => Assert.True(a.Unexpected is null, a.Unexpected));
        Assert.Equal(AtOnce, answers.Select(a => a.Id).Distinct().Count());
        Assert.Equal(before + AtOnce, await CountAsync(client));
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.GetProperty("message").GetString());
    }

    [SkippableFact]
    public async Task Submit_DatabaseTooBusy_Is503WithRetryAfterAndTheRetryMakesOneReferral()
    {
        using var client = await factory.SignedInAsync();
        var before = await CountAsync(client);
        var key = Guid.NewGuid().ToString();

        HttpResponseMessage busy;
        await using (await HoldDatabaseAsync())
        {
            busy = await client.SendAsync(Submission(key, ReferralApiTests<TFactory>.ValidReferral("Busy", "Day")));
        }

        var retried = await client.SendAsync(Submission(key, ReferralApiTests<TFactory>.ValidReferral("Busy", "Day")));
        var again = await client.SendAsync(Submission(key, ReferralApiTests<TFactory>.ValidReferral("Busy", "Day")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("The service is busy. Try again in a moment.", (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await CountAsync(client));
    }

    /// <summary>
    /// Sends one referral as a partner's system does: on 503 it waits and sends it again with the same key. Anything but
    /// 201 or a well-formed 503 is reported.
    /// </summary>
    private static async Task<(Guid Id, string? Unexpected)> SubmitUntilCreatedAsync(HttpClient client, string familyName)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            using var response = await client.SendAsync(Submission(key, ReferralApiTests<TFactory>.ValidReferral("Llwyth", familyName)));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), null);
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return (Guid.Empty, $"{familyName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            // Retry-After asks for seconds; a test waits less, with a little spread, as many clients retrying would.
            await Task.Delay(100 + Random.Shared.Next(200));
        }

        return (Guid.Empty, $"{familyName}: still 503 after 40 sends");
    }

    /// <summary>
    /// Takes the room a submission needs and keeps it until disposed: SQLite's write lock, or every connection of the
    /// app's pool on a server.
    /// </summary>
    private async Task<IAsyncDisposable> HoldDatabaseAsync()
    {
        var held = new HeldDatabase();
        var count = factory.Provider == DatabaseProvider.Sqlite ? 1 : ConstrainedAppFactory.PoolSize;
        for (var i = 0; i < count; i++)
        {
            var scope = factory.Services.CreateAsyncScope();
            held.Scopes.Add(scope);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (factory.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.BeginTransactionAsync();
            }
            else
            {
                await db.Database.OpenConnectionAsync();
            }
        }

        return held;
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32();

    private static HttpRequestMessage Submission(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private sealed class HeldDatabase : IAsyncDisposable
    {
        public List<AsyncServiceScope> Scopes { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var scope in Scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// The app on a database that runs out of room sooner than a deployment's (SQLite waits 1 s for its write lock; a
/// server's pool holds 10 connections and waits 1 s for one): what the load tests need to reach overload on a test machine.
/// </summary>
public abstract class ConstrainedAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const int PoolSize = 10;

    /// <summary>
    /// The app's one-second wait for a connection is what the tests are about, but it applies to its start too, and the
    /// first connection a process makes to a database (the driver's code compiled, the server's catalogue for a database
    /// just created read) can take longer than that on a busy 2-core machine. The app then stopped, as it must, with
    /// "database unavailable" before migrating, and the class failed on tables that did not exist (CI, 2026-12-07, the
    /// first PostgreSQL class of the run). One connection with the usual wait, made here first, pays that once.
    /// </summary>
    protected override async Task BeforeTheAppStartsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_catalog.pg_type", connection);
        await command.ExecuteScalarAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        var connectionString = builder.GetSetting("Database:ConnectionString");
        builder.UseSetting("Database:ConnectionString", Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 1 }.ToString(),
            DatabaseProvider.PostgreSQL => new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize, Timeout = 1 }.ToString(),
            _ => new SqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize, ConnectTimeout = 1 }.ToString(),
        });
    }
}

public sealed class ConstrainedSqliteAppFactory() : ConstrainedAppFactory(DatabaseProvider.Sqlite);

public sealed class ConstrainedPostgresAppFactory() : ConstrainedAppFactory(DatabaseProvider.PostgreSQL);

public sealed class ConstrainedSqlServerAppFactory() : ConstrainedAppFactory(DatabaseProvider.SqlServer);

public sealed class SqliteReferralLoadTests(ConstrainedSqliteAppFactory factory) : ReferralLoadTests<ConstrainedSqliteAppFactory>(factory);

public sealed class PostgresReferralLoadTests(ConstrainedPostgresAppFactory factory) : ReferralLoadTests<ConstrainedPostgresAppFactory>(factory);

public sealed class SqlServerReferralLoadTests(ConstrainedSqlServerAppFactory factory) : ReferralLoadTests<ConstrainedSqlServerAppFactory>(factory);
