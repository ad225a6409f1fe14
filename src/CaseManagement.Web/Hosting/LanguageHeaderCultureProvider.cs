using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Accept-Language read by language, not by region (decision 0070): a browser or partner system set to Welsh usually
/// sends "cy" alone, which the stock provider matches only against a culture named exactly "cy", so it fell back to
/// English. Each language asked for is taken as the supported culture of that language (cy → cy-GB, en-US → en-GB).
/// </summary>
public sealed class LanguageHeaderCultureProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (await base.DetermineProviderCultureResult(httpContext) is not { } asked)
        {
            return null;
        }

        var cultures = asked.UICultures.Select(Supported).Distinct().ToList();
        return new ProviderCultureResult(cultures, cultures);
    }

    private static StringSegment Supported(StringSegment name)
    {
        var language = name.Value?.Split('-')[0];
        return HostSetup.Cultures.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase)) is { } culture
            ? new StringSegment(culture.Name)
            : name;
    }
}
