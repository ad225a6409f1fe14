using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// A problem document in the client's language (decision 0070): its title, detail and each field's messages are looked
/// up by their English words in the resources, as the pages look up a rule's message; words with no Welsh stay English.
/// The request's culture is read from the request, because the exception handler and the status-code pages that write
/// most problems run outside the localisation middleware.
/// </summary>
public static class ProblemLanguage
{
    public static void Translate(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        if (culture is null || culture.TwoLetterISOLanguageName == HostSetup.Cultures[0].TwoLetterISOLanguageName)
        {
            return;
        }

        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var problem = context.ProblemDetails;
            problem.Title = problem.Title is { } title ? text[title].Value : null;
            problem.Detail = problem.Detail is { } detail ? text[detail].Value : null;
            if (problem is HttpValidationProblemDetails validation)
            {
                foreach (var field in validation.Errors.Keys.ToList())
                {
                    validation.Errors[field] = [.. validation.Errors[field].Select(message => text[message].Value)];
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
