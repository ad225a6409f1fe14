using System.Globalization;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>
/// Draws the page (its layout too) in the language its <c>language</c> query names, whatever the reader's own: a case
/// manager who works in English prints the plan in Welsh for a family who reads Welsh. Without one, the reader's language.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PrintLanguageAttribute : Attribute, IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var asked = context.HttpContext.Request.Query["language"].ToString();
        var chosen = HostSetup.Cultures.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, asked, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            await next();
            return;
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
        try
        {
            await next();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
