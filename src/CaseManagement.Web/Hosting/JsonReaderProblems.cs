using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// A value the JSON reader could not turn into its field's type is answered in the API's words, under the field's
/// name: "The JSON value could not be converted to System.DateOnly. Path: $.childDateOfBirth | LineNumber: 0 |
/// BytePositionInLine: 287." (a partner's 2010-02-31) becomes, under <c>childDateOfBirth</c>, "Enter a real date,
/// written as yyyy-mm-dd, like 2012-05-14." .NET's type names and byte positions are no part of the API's contract,
/// and the field's name is the one the rules' own messages use. Runs before <see cref="ProblemLanguage"/>, which gives
/// the fixed sentences in the client's language; the list of an enumeration's values is put in that language here.
/// </summary>
public static partial class JsonReaderProblems
{
    public const string Date = "Enter a real date, written as yyyy-mm-dd, like 2012-05-14.";

    public const string DateTime = "Enter a real date and time, written as yyyy-mm-ddThh:mm:ssZ, like 2026-12-06T09:30:00Z.";

    public const string Time = "Enter a real time, written as hh:mm, like 09:30.";

    public const string Id = "Enter an id: a UUID, like 5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90.";

    public const string Text = "Enter text, in quotes.";

    public const string TrueOrFalse = "Enter true or false.";

    public const string Number = "Enter a number.";

    public const string List = "Send a list, in square brackets.";

    public const string JsonObject = "Send a JSON object with the fields the API's description gives.";

    public const string OneOf = "Use one of: {0}.";

    /// <summary>The title of every problem whose field messages are the app's own.</summary>
    public const string Title = "The request has errors.";

    public static void Explain(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails is not HttpValidationProblemDetails validation)
        {
            return;
        }

        var explained = false;
        foreach (var key in validation.Errors.Keys.ToList())
        {
            var messages = validation.Errors[key];
            var sentences = messages.Select(m => Unconvertible().Match(m) is { Success: true } match ? Sentence(match.Groups["type"].Value, context.HttpContext) : null).ToList();
            if (sentences.All(s => s is null))
            {
                continue;
            }

            validation.Errors.Remove(key);
            var field = FieldOf(key);
            var others = validation.Errors.TryGetValue(field, out var existing) ? existing : [];
            validation.Errors[field] = [.. others, .. messages.Zip(sentences, (message, sentence) => sentence ?? message)];
            explained = true;
        }

        if (explained)
        {
            validation.Title = Title;
        }
    }

    /// <summary>"$.childDateOfBirth" is the field childDateOfBirth, "$.parentOrCarerNames[0]" its first item; "$" is the body.</summary>
    private static string FieldOf(string key) =>
        key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key == "$" ? string.Empty : key;

    private static string Sentence(string typeName, HttpContext http)
    {
        var name = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;
        return name switch
        {
            "System.DateOnly" => Date,
            "System.DateTime" or "System.DateTimeOffset" => DateTime,
            "System.TimeOnly" or "System.TimeSpan" => Time,
            "System.Guid" => Id,
            "System.String" or "System.Char" => Text,
            "System.Boolean" => TrueOrFalse,
            "System.Byte" or "System.Int16" or "System.Int32" or "System.Int64" or "System.Single" or "System.Double" or "System.Decimal" => Number,
            _ when name.StartsWith("System.Collections.", StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal) => List,
            _ when EnumNamed(name) is { } values => InClientsLanguage(http, OneOf, string.Join(", ", values)),
            _ => JsonObject,
        };
    }

    /// <summary>The values of one of the app's enumerations, by its full name, or null when the name is not one.</summary>
    private static string[]? EnumNamed(string name) =>
        name.StartsWith("CaseManagement.", StringComparison.Ordinal)
            ? AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name?.StartsWith("CaseManagement.", StringComparison.Ordinal) == true)
                .Select(a => a.GetType(name, throwOnError: false))
                .FirstOrDefault(t => t is { IsEnum: true }) is { } type ? Enum.GetNames(type) : null
            : null;

    /// <summary>A sentence with a value in it, in the request's language (ProblemLanguage cannot look up a filled-in sentence).</summary>
    private static string InClientsLanguage(HttpContext http, string format, string value)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? HostSetup.Cultures[0];
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return text[format, value].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\. Path: ")]
    private static partial Regex Unconvertible();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();
}
