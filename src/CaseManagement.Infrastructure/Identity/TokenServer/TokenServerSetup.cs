using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Server;

namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>
/// The OAuth 2.0 token server for partner systems (OpenIddict, its stores in the app's database; docs/decisions/0044):
/// the client credentials grant with a hashed secret or a signed assertion (<c>private_key_jwt</c>), short-lived
/// signed access tokens for the API's audience, discovery, revocation and introspection; and the validation the API
/// uses, which also looks up each token's entry, so a revoked token or client is refused at once.
/// </summary>
public static class TokenServerSetup
{
    public static IServiceCollection AddTokenServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool allowPlainHttp, string keysDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TokenServerOptions.SectionName).Get<TokenServerOptions>() ?? new TokenServerOptions();
        services.AddScoped<IPartnerClients, PartnerClientStore>();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(PartnerTokens.TokenPath.TrimStart('/'))
                    .SetRevocationEndpointUris(PartnerTokens.RevocationPath.TrimStart('/'))
                    .SetIntrospectionEndpointUris(PartnerTokens.IntrospectionPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. Scopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes));

                // Signed, not encrypted: a partner may read its own token, and the keys are published for anyone to check them.
                server.DisableAccessTokenEncryption();
                server.AddSigningKeys(TokenServerKeys.SigningKeys(options, keysDirectory));
                server.AddEncryptionKey(TokenServerKeys.EncryptionKey(options, keysDirectory));
                server.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(handler => handler.UseScopedHandler<PartnerTokenRequestHandler>());
                server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler.UseScopedHandler<TokenAuditHandler>());

                var aspNetCore = server.UseAspNetCore();

                // In Production a plain-HTTP request is refused (421) before it gets here, and behind a proxy that ended TLS
                // the forwarded headers have already made it HTTPS (docs/decisions/0025); development and tests are plain HTTP.
                if (!environment.IsProduction() || allowPlainHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(PartnerTokens.Audience);
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });
        return services;
    }
}
