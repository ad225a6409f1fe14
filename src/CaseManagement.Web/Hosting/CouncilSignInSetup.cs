using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Sign-in through the council's identity provider (docs/decisions/0045): OpenID Connect, authorization code with PKCE,
/// the provider's answer kept for a moment in Identity's external cookie, from which the callback page signs the person
/// in to the account an administrator made for them. Registered only when <c>Authentication:Oidc</c> names a provider.
/// </summary>
public static class CouncilSignInSetup
{
    public const string CallbackPage = "/sign-in/council/callback";

    private const string IdTokenCookie = "casemgmt.idp";

    public static AuthenticationBuilder AddCouncilSignIn(this AuthenticationBuilder authentication, IConfiguration configuration, CookieSecurePolicy securePolicy)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        var services = authentication.Services;
        var section = configuration.GetSection(CouncilSignInOptions.SectionName);
        var council = section.Get<CouncilSignInOptions>() ?? new CouncilSignInOptions();
        services.Configure<CouncilSignInOptions>(section);
        services.Configure<LocalSignInOptions>(configuration.GetSection(LocalSignInOptions.SectionName));
        services.AddScoped<CouncilAccounts>();
        if (!council.IsConfigured)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(CouncilSignInOptions.Scheme, council.DisplayName, oidc =>
        {
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.Authority = council.Authority;
            oidc.ClientId = council.ClientId;
            oidc.ClientSecret = council.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;

            // The answer comes back as a top-level redirect (a query), so the correlation and nonce cookies can be
            // SameSite=Lax like the app's own, and Secure exactly when the request was (docs/decisions/0025).
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = securePolicy;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = securePolicy;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");

            // The ID token says all the app needs (subject, e-mail, amr); claims keep the provider's own names.
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = true;

            // Only a provider on this machine (the tests' own) may be reached over plain HTTP.
            oidc.RequireHttpsMetadata = !IsLoopback(council.Authority!);
            oidc.Events = new OpenIdConnectEvents
            {
                // A refusal or error at the provider (the person cancelled, the app is not allowed) ends on the app's page.
                OnRemoteFailure = context =>
                {
                    context.Response.Redirect(CallbackPage + "?failed=true");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },

                // The external cookie is gone by now; the ID token was kept for this moment, and is then forgotten.
                OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.IdTokenHint ??= ReadIdToken(context.HttpContext);
                    context.HttpContext.Response.Cookies.Delete(IdTokenCookie);
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>
    /// Keeps the provider's ID token (encrypted, HttpOnly) for the whole session, so signing out can end the provider's
    /// session too (<c>id_token_hint</c>), whether the person went on through the app's own two-factor step or not.
    /// </summary>
    public static void KeepIdToken(HttpContext context, string? idToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(idToken))
        {
            return;
        }

        context.Response.Cookies.Append(IdTokenCookie, Protector(context).Protect(idToken), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    /// <summary>True when the person's session began at the council's provider, so signing out goes there too.</summary>
    public static bool SignedInThroughCouncil(HttpContext context) =>
        context?.Request.Cookies.ContainsKey(IdTokenCookie) == true;

    private static string? ReadIdToken(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(IdTokenCookie, out var value))
        {
            return null;
        }

        try
        {
            return Protector(context).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("CaseManagement.CouncilSignIn.IdToken");

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
