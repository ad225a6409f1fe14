using Microsoft.AspNetCore.Localization;

namespace CaseManagement.Web.Hosting;

/// <summary>Remembers the chosen language (English or Cymraeg) in a cookie and goes back to the page.</summary>
public static class LanguageSwitch
{
    public static IResult Handle(HttpContext context, string culture, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chosen = HostSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return Results.NotFound();
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });

        // Only ever go back to a page of this site, never to an address a link supplied.
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}
