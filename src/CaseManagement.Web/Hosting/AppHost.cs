using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Hosting;

/// <summary>Starting the app, for the web host and for every command: where its settings are, and a database it cannot use.</summary>
public static class AppHost
{
    /// <summary>The exit code when the database cannot be reached or opened (1 is kept for a broken audit trail).</summary>
    public const int DatabaseUnavailable = 2;

    private const string Settings = "appsettings.json";

    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot(args, Environment.CurrentDirectory, AppContext.BaseDirectory),
        });

    /// <summary>
    /// The folder the settings (and a relative data folder) are read from, or null for ASP.NET Core's choice, the
    /// working folder. That is right under <c>dotnet run --project</c> (the project folder, so the data stays in
    /// src/CaseManagement.Web/data) and in the container (/app); but started from anywhere else, as in
    /// <c>dotnet /opt/casemanagement/CaseManagement.Web.dll</c>, the app would find no appsettings.json and run without
    /// its settings. There the app's own folder is taken. A content root given on purpose always wins.
    /// </summary>
    public static string? ContentRoot(string[] args, string workingFolder, string appFolder)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return given || File.Exists(Path.Combine(workingFolder, Settings)) || !File.Exists(Path.Combine(appFolder, Settings))
            ? null
            : appFolder;
    }

    /// <summary>
    /// Prepares the database (<see cref="HostSetup.PrepareDatabaseAsync"/>). When it cannot be reached or opened, says
    /// why in one line on <paramref name="error"/> and answers false, so the app exits rather than dying with a trace.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this WebApplication app, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            await app.PrepareDatabaseAsync();
            return true;
        }
        catch (Exception ex) when (Explain(app.Services, ex) is { } line)
        {
            await error.WriteLineAsync(line);
            return false;
        }
    }

    /// <summary>The one line for a failure to use the configured database, or null when <paramref name="exception"/> is something else.</summary>
    public static string? Explain(IServiceProvider services, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var contentRoot = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var connectionString = options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? "Data Source=" + ProviderSetup.SqliteFile(options, contentRoot)
            : options.ConnectionString ?? string.Empty;
        return DatabaseProblem.Describe(exception, options.Provider, connectionString);
    }
}
