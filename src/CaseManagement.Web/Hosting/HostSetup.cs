using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using CaseManagement.Application;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Microsoft.OpenApi;
using Serilog;
using Serilog.Formatting.Json;

namespace CaseManagement.Web.Hosting;

/// <summary>Composes the one host: API, pages, sign-in, localisation, health, logging.</summary>
public static partial class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("en-GB"), new("cy-GB")];

    public static WebApplicationBuilder AddCaseManagement(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigureLogging(builder);

        var services = builder.Services;
        services.AddApplication(builder.Configuration);
        services.AddInfrastructure(builder.Configuration, builder.Environment);
        services.AddHttpContextAccessor();
        services.AddDataProtection()
            .SetApplicationName("CaseManagement")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysDirectory(builder)));
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Cookie.Name = "casemgmt.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;

            // The API answers 401 and 403 as ProblemDetails instead of redirecting to a page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Welsh letters (ŵ, ŷ, â, ô) are written as themselves in the HTML, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Error");
                pages.Conventions.ConfigureFilter(new AccessPageFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // FluentValidation in the Application layer is the one source of validation messages, for pages and API alike.
        services.AddControllers(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            .AddJsonOptions(json => json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddRouting(routing => routing.LowercaseUrls = true);

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Get(context.HttpContext));
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CaseManagement API",
                Version = "v1",
                Description = "Referrals, children and cases for youth offending prevention teams. Every error is an RFC 9457 problem document.",
            });
            swagger.SupportNonNullableReferenceTypes();
        });

        return builder;
    }

    public static WebApplication UseCaseManagement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/swagger/v1/swagger.json", "CaseManagement API v1"));

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapGet("/language/{culture}", LanguageSwitch.Handle).AllowAnonymous().ExcludeFromDescription();
        app.MapControllers();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Applies pending migrations, creates the roles and any first administrator, then seeds the demo data where configured (never in Production).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().BootstrapAsync();

        var demo = app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (!demo.Enabled)
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            LogDemoRefused(app.Logger);
            return;
        }

        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    /// <summary>Sign-in cookies survive a restart only if the keys that protect them do: they live beside the data.</summary>
    private static string KeysDirectory(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataProtection:KeysDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataDirectory)}"] ?? "data";
        return Path.Combine(Path.GetFullPath(dataDirectory, builder.Environment.ContentRootPath), "keys");
    }

    public static bool IsApiRequest(HttpContext context) => IsApiPath(context.Request.Path);

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();
        logger = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase)
            ? logger.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext} {CorrelationId} {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Enabled is set in Production; demo data is never seeded there.")]
    private static partial void LogDemoRefused(Microsoft.Extensions.Logging.ILogger logger);
}
