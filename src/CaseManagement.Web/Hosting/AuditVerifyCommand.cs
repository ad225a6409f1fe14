using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- audit-verify</c> (with the app's usual configuration) checks the
/// audit trail's hash chain and exits 0 when it is intact, 1 when an entry was altered or removed, and 2 when there is
/// no trail to check (no database where the configuration points, or one it cannot open). It only reads: it never
/// creates or migrates a database, so a mistyped data folder is reported rather than checked as an empty trail.
/// </summary>
public static class AuditVerifyCommand
{
    public const string Verb = "audit-verify";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = AppHost.CreateBuilder(args);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = ProviderSetup.SqliteFile(database, builder.Environment.ContentRootPath);
            if (!File.Exists(file))
            {
                await output.WriteLineAsync($"There is no database at {file}: point Database:DataDirectory (or Database:ConnectionString) at the app's data. Nothing was checked or created.");
                return AppHost.DatabaseUnavailable;
            }

            builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}"] =
                new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, ForeignKeys = true }.ToString();
        }

        // A database that cannot be read is told in one line below; EF Core's own error lines would only bury it.
        builder.Configuration["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal";
        builder.AddCaseManagement();
        await using var app = builder.Build();
        try
        {
            return await VerifyAsync(app.Services, output);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // A file that is not this app's database (no audit table) reads as an error of the database itself.
            await output.WriteLineAsync(AppHost.Explain(app.Services, ex) ?? $"The audit trail could not be read ({ex.Message}): is the database this app's, and migrated?");
            return AppHost.DatabaseUnavailable;
        }
    }

    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = AuditChain.Verify(db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().ToBlockingEnumerable());
        await output.WriteLineAsync(result.IsIntact ? $"Audit trail intact: {result.Message}" : $"AUDIT TRAIL BROKEN at entry {result.FirstBrokenSequence}: {result.Message}");
        return result.IsIntact ? 0 : 1;
    }
}
