using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ProviderSetup.ResolveConnectionString(options, environment.ContentRootPath);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);

        var contextConnection = ProviderSetup.ForTheAppsContext(options.Provider, connectionString);
        // The options are the same for every request: built once, not for each scope (decision 0111). Whatever else
        // configures the context (ConfigureDbContext) must then be a singleton too.
        services.AddDbContext<AppDbContext>(db => db.UseProvider(options.Provider, contextConnection), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<ITableStatistics, TableStatistics>();
        services.AddSingleton<Application.Matching.INameFrequencySource, Matching.NameFrequencySource>();
        services.AddScoped<IAccountService, AccountService>();
        services.Configure<Email.SmtpOptions>(configuration.GetSection(Email.SmtpOptions.SectionName));
        services.AddSingleton<IEmailSender, Email.SmtpEmailSender>();
        services.AddSingleton<Application.Partners.IWebhookSender, Partners.HttpWebhookSender>();
        services.AddSingleton<Application.Partners.IWebhookSecrets, Partners.DataProtectionWebhookSecrets>();
        services.AddBackgroundJobs(configuration, options.Provider, connectionString);

        // Audit entries no save's own attempt sealed are sealed by the sweep (decision 0085); SQLite saves seal their own.
        var sweepEvery = configuration.GetValue(Audit.AuditSealSweep.EveryKey, 5.0);
        if (options.Provider != DatabaseProvider.Sqlite && sweepEvery > 0)
        {
            services.AddHostedService(sp => new Audit.AuditSealSweep(sp, TimeSpan.FromSeconds(sweepEvery), sp.GetRequiredService<ILogger<Audit.AuditSealSweep>>()));
        }
        services.AddDocumentStore(configuration, options, environment.ContentRootPath);
        services.AddSingleton(sp => new MigrationRunner(options.Provider, connectionString, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MigrationRunner>>()));

        services.AddIdentity<ApplicationUser, ApplicationRole>(identity =>
            {
                // NCSC guidance: length over composition rules (the deny-list arrives with the access issue).
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.User.RequireUniqueEmail = true;

                // Email addresses are the user names; O'Brien's address has an apostrophe.
                identity.User.AllowedUserNameCharacters += "'";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<TeamClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));
        services.AddScoped<DemoDataSeeder>();
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddScoped<AccountBootstrapper>();

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    /// <summary>Issue 20: the store of documents' bytes (decision 0050), refusing a folder a browser could be served from.</summary>
    private static void AddDocumentStore(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string contentRoot)
    {
        var documents = configuration.GetSection(Records.DocumentStoreOptions.SectionName).Get<Records.DocumentStoreOptions>() ?? new Records.DocumentStoreOptions();
        if (!string.Equals(documents.Store, "Folder", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<Application.Records.Documents.IDocumentStore, Records.DatabaseDocumentStore>();
            return;
        }

        var folder = Path.GetFullPath(documents.Folder ?? Path.Combine(database.DataDirectory, "documents"), contentRoot);
        var webRoot = Path.GetFullPath("wwwroot", contentRoot) + Path.DirectorySeparatorChar;
        if ((folder + Path.DirectorySeparatorChar).StartsWith(webRoot, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Documents:Folder ({folder}) is inside the web root, where anyone could read the files: choose a folder outside it.");
        }

        services.AddSingleton<Application.Records.Documents.IDocumentStore>(new Records.FolderDocumentStore(folder));
    }
}
