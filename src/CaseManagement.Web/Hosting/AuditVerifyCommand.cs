using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.VerifyAudit;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- audit-verify</c> (with the app's usual configuration) checks the
/// audit trail's keyed hash chain and the latest checkpoint, records a signed checkpoint of the end it found, and
/// exits 0 when the trail is intact, 1 when an entry was altered, removed or rewritten without the key (or an entry has
/// waited longer than the maximum merge delay to be sealed, or a row the app did not write was found waiting and set
/// aside, decision 0085), and 2 when there
/// is no trail to check (no database where the configuration points, or one it cannot open). It never creates or
/// migrates a database, so a mistyped data folder is reported rather than checked as an empty trail.
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

        // The auditor's check itself, without the mediator's sign-in rules: the command runs as the operator.
        var handler = new VerifyAuditHandler(
            scope.ServiceProvider.GetRequiredService<IApplicationDbContext>(),
            scope.ServiceProvider.GetRequiredService<AuditKeyring>(),
            scope.ServiceProvider.GetRequiredService<IAuditCheckpoints>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var result = await handler.Handle(new VerifyAudit(), CancellationToken.None);
        await output.WriteLineAsync(
            result.IsIntact ? $"Audit trail intact: {result.Message}"
            : !result.ChainIsIntact ? (result.FirstBrokenSequence is { } broken ? $"AUDIT TRAIL BROKEN at entry {broken}: {result.Message}" : $"AUDIT TRAIL BROKEN: {result.Message}")
            : result.SetAside > 0 ? $"AUDIT ENTRIES SET ASIDE, not written by the app: {result.Message}"
            : $"AUDIT ENTRIES NOT SEALED in time: {result.Message}");
        if (result.Checkpoint is { } checkpoint)
        {
            await output.WriteLineAsync($"Checkpoint: {checkpoint}");
        }

        return result.IsIntact ? 0 : 1;
    }
}
