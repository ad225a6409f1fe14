using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using CaseManagement.Application;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Identity.TokenServer;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.Infrastructure.Seeding;
using CaseManagement.Web.Hosting.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Microsoft.OpenApi;
using Serilog;
using Serilog.Formatting.Compact;

namespace CaseManagement.Web.Hosting;

/// <summary>Composes the one host: API, pages, sign-in, localisation, health, logging.</summary>
public static partial class HostSetup
{
    public const string ApiPolicy = "api";
    public const string ByPathScheme = "ByPath";
    public const string SignInRateLimit = "sign-in";
    public const string SelfReferralRateLimit = "self-referral";
    public const string TokenRateLimit = "token";
    public const string ReferralRateLimit = "referrals";

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
        services.AddAuditKeys(builder.Configuration, KeysDirectory(builder));
        services.AddTokenServer(builder.Configuration, builder.Environment, builder.Configuration.GetValue<bool>("Security:AllowPlainHttp"), KeysDirectory(builder));
        services.AddScoped<HttpCurrentUser>();

        // A scheduled job's scope acts as the system (Application's ActingUser); every other scope is the HTTP request's person.
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ActingUser>().User ?? sp.GetRequiredService<HttpCurrentUser>());

        // The Idempotency-Key's record, answered by the command in the save that writes its work (decision 0075).
        services.AddScoped<IdempotentAnswer>();
        services.AddScoped<IAnswerKeeper>(sp => sp.GetRequiredService<IdempotentAnswer>());

        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.SectionName));
        // Secure whenever the request came over HTTPS, to the app or to the proxy that ended TLS (docs/decisions/0025);
        // in Production a request that did not is refused before any cookie is set (HttpsRequiredMiddleware).
        var secureCookies = CookieSecurePolicy.SameAsRequest;
        services.AddTlsAtProxy(builder.Configuration);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "casemgmt.antiforgery";
            antiforgery.Cookie.SecurePolicy = secureCookies;
        });
        // The API takes bearer tokens only and the pages the sign-in cookie only (docs/decisions/0024): a request's user
        // is the one its path takes, so the account guard sees a token's user as it sees a cookie's.
        services.AddAuthentication(schemes =>
            {
                schemes.DefaultAuthenticateScheme = ByPathScheme;
                schemes.DefaultChallengeScheme = ByPathScheme;
                schemes.DefaultForbidScheme = ByPathScheme;
            })
            .AddPolicyScheme(ByPathScheme, null, byPath => byPath.ForwardDefaultSelector = context => IsApiRequest(context) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, api =>
            {
                api.ForwardChallenge = IdentityConstants.BearerScheme;
                api.ForwardForbid = IdentityConstants.BearerScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, bearer => bearer.BearerTokenExpiration = TimeSpan.FromMinutes(security.AccessTokenMinutes))
            .AddCouncilSignIn(builder.Configuration, secureCookies);
        services.AddSingleton<ApiTokenHandler.RecentChecks>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Roles.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.Auditor, policy => policy.RequireRole(Roles.Auditor));
        services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            stamp.ValidationInterval = TimeSpan.FromSeconds(security.SessionCheckIntervalSeconds);

            // The periodic check rebuilds the sign-in from the account (fresh roles and teams); how the person signed
            // in (with two factors or not) is not in the account, so it is carried over from the session.
            stamp.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var method in current.FindAll("amr").Where(m => !identity.HasClaim("amr", m.Value)))
                    {
                        identity.AddClaim(new Claim("amr", method.Value));
                    }

                    // So is where: the council's identity provider (docs/decisions/0045) or the app's own form.
                    foreach (var method in current.FindAll(ClaimTypes.AuthenticationMethod).Where(m => !identity.HasClaim(ClaimTypes.AuthenticationMethod, m.Value)))
                    {
                        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddPolicy(SignInRateLimit, context => PerAddress(context, security.RateLimits.SignInPerMinute));
            limits.AddPolicy(TokenRateLimit, context => PerAddress(context, security.RateLimits.TokenPerMinute));
            limits.AddPolicy(ReferralRateLimit, context => PerAddress(context, security.RateLimits.ReferralsPerMinute));
            limits.AddPolicy(SelfReferralRateLimit, context => PerAddress(context, security.RateLimits.SelfReferralsPerMinute));

            // The token server answers /connect/token inside the authentication middleware, before any endpoint is
            // chosen, so no endpoint policy reaches it: a limiter by path does, run before authentication (decision 0044).
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsTokenServerPath(context.Request.Path)
                ? PerAddress(context, security.RateLimits.TokenPerMinute)
                : RateLimitPartition.GetNoLimiter("not the token server"));
            limits.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (!IsApiRequest(context.HttpContext) && !IsTokenServerPath(context.HttpContext.Request.Path))
                {
                    // Pages get the styled "too many attempts" page from the status-code pages.
                    return;
                }

                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests. Wait a minute and try again." },
                });
            };
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Cookie.Name = "casemgmt.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secureCookies;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            cookie.SlidingExpiration = true;

            // A database too busy to say whether the sign-in still stands is the busy page (decision 0074).
            cookie.Events.OnValidatePrincipal = BusyPage.WhenSignInCannotBeChecked(cookie.Events.OnValidatePrincipal);
        });

        // Welsh letters (ŵ, ŷ, â, ô) are written as themselves in the HTML, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new LanguageHeaderCultureProvider()];
        });

        services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AuthorizeFolder("/Admin", Roles.Administrator);
                pages.Conventions.AuthorizeFolder("/Audit", Roles.Auditor);
                pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Account/TwoFactorSignIn");
                pages.Conventions.AllowAnonymousToPage("/Account/CouncilCallback");
                pages.Conventions.AllowAnonymousToPage("/Error");
                pages.Conventions.ConfigureFilter(new AccessPageFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // FluentValidation in the Application layer is the one source of validation messages, for pages and API alike.
        services.AddControllers(mvc =>
            {
                mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                mvc.Conventions.Add(new Api.ApiResponsesConvention());
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter());
                json.JsonSerializerOptions.Converters.Add(new NulRefusingStringConverter());
            });
        services.AddRouting(routing => routing.LowercaseUrls = true);
        // MVC's own messages for a value it cannot read (a page number "abc" in the address) in the reader's language: a
        // page now shows them in its error summary (decision 0114), so a Welsh page must not show them in English.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((mvc, text) =>
        {
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["ModelBinding.AttemptedValueIsInvalid", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["ModelBinding.NonPropertyAttemptedValueIsInvalid", value]);
            messages.SetValueIsInvalidAccessor(value => text["ModelBinding.ValueIsInvalid", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => text["ModelBinding.UnknownValueIsInvalid", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["ModelBinding.NonPropertyUnknownValueIsInvalid"]);
            messages.SetValueMustBeANumberAccessor(field => text["ModelBinding.ValueMustBeANumber", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["ModelBinding.NonPropertyValueMustBeANumber"]);
            messages.SetMissingKeyOrValueAccessor(() => text["ModelBinding.MissingKeyOrValue"]);
        });

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Get(context.HttpContext);
            JsonReaderProblems.Explain(context);
            ProblemLanguage.Translate(context);
        });
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

            // "Authorize" in the Swagger UI takes an access token from POST /api/v1/auth/token; the sign-in cookie is not used.
            swagger.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/token.",
            });
            swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });

            // Partner systems: the OAuth 2.0 client credentials grant at the token server (docs/decisions/0044).
            swagger.AddSecurityDefinition("PartnerClient", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A partner system's client: a token from POST /connect/token with the client credentials grant (a client secret or a signed client assertion).",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(PartnerTokens.TokenPath, UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            [Scopes.ReferralsSubmit] = "Submit referrals.",
                            [Scopes.ReferralsRead] = "Read the referrals the partner sent, and their status.",
                            [Scopes.WebhooksManage] = "Register and remove the partner's webhook addresses.",
                        },
                    },
                },
            });
        });
        services.AddCaseManagementOpenApi();

        return builder;
    }

    public static WebApplication UseCaseManagement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        UseRequestLogging(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",

            // ApiExceptionHandler logs each unhandled exception once; the middleware's own line would be a second.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseWhen(IsApiRequest, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseHttpsRequirement();
        app.UseMiddleware<NulCharacterGuardMiddleware>();

        // Before authentication, so the token server's own endpoints are limited too (see the global limiter).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(BusyPage.ThrowWhenSignInCouldNotBeChecked);
        app.UseMiddleware<AccountGuardMiddleware>();
        app.UseMiddleware<ClientScopeMiddleware>();
        app.UseAuthorization();

        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/swagger/v1/swagger.json", "CaseManagement API v1"));

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapGet("/language/{culture}", LanguageSwitch.Handle).AllowAnonymous().ExcludeFromDescription();

        // The idle-timeout warning's "stay signed in": any authenticated request renews the sliding session.
        app.MapGet("/session/keep-alive", () => Results.NoContent()).RequireAuthorization().ExcludeFromDescription();
        app.MapControllers();
        app.MapRazorPages();
        app.MapJobsDashboard(Roles.Administrator);
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
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SealAuditTrailAsync(CancellationToken.None);

        // Children without today's matching keys (a change of keys, records loaded in bulk) are keyed by a background
        // job, so the app serves at once (decision 0078).
        await Application.Matching.Keys.MatchKeysAtStartUp.StartIfNeededAsync(
            scope.ServiceProvider.GetRequiredService<Application.Matching.ChildMatcher>(),
            scope.ServiceProvider.GetRequiredService<Application.Common.Interfaces.IJobScheduler>(),
            CancellationToken.None);

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

    /// <summary>The token server's endpoints that take a client's credentials: token, revocation and introspection.</summary>
    public static bool IsTokenServerPath(PathString path) =>
        path.StartsWithSegments(PartnerTokens.TokenPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(PartnerTokens.RevocationPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(PartnerTokens.IntrospectionPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts only what changes something (a sign-in attempt, a token, a submission), per network address.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, int permitsPerMinute) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>
    /// Serilog through Serilog.AspNetCore (decision 0028): the logger is built from configuration inside the host, so
    /// each host has its own (the static <c>Log.Logger</c> is left alone), and it also writes to any other
    /// <see cref="ILoggerProvider"/> registered, as the tests' log capture is.
    /// </summary>
    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
                if (json)
                {
                    logger.WriteTo.Console(new CompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext} {CorrelationId} {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    /// <summary>
    /// One line per request from Serilog.AspNetCore, with only what the line needs: the method, the route template
    /// (never the path with its ids, nor the query string), the status and the time. The correlation id comes from
    /// the log context that <see cref="CorrelationIdMiddleware"/> opens around the request.
    /// </summary>
    private static void UseRequestLogging(WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {Route:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.GetMessageTemplateProperties = (context, _, elapsedMs, statusCode) =>
            [
                new Serilog.Events.LogEventProperty("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
                new Serilog.Events.LogEventProperty("Route", new Serilog.Events.ScalarValue(CorrelationIdMiddleware.RouteOf(context))),
                new Serilog.Events.LogEventProperty("StatusCode", new Serilog.Events.ScalarValue(statusCode)),
                new Serilog.Events.LogEventProperty("Elapsed", new Serilog.Events.ScalarValue(elapsedMs)),
            ];
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Enabled is set in Production; demo data is never seeded there.")]
    private static partial void LogDemoRefused(Microsoft.Extensions.Logging.ILogger logger);
}
