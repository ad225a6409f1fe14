using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The error summary of a page, built by the layout once the page's fields have been drawn: each field's message
/// partial records the field as it is drawn, so the summary lists its errors in the order a person meets the fields,
/// whichever rule (the page's, a validator's or a handler's) found them first.
/// </summary>
public static partial class ErrorSummary
{
    private static readonly object FieldsKey = new();

    private static readonly object TargetsKey = new();

    private static readonly object RefusedKey = new();

    /// <summary>
    /// Records that the page drew the field (called by <c>_FieldError</c>, which every field draws), and, where it is not
    /// the field's own id, the input its message should lead to (a date's month, when the month is what is wrong).
    /// </summary>
    public static void FieldDrawn(HttpContext context, string field, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        field = FieldId(field);
        if (context.Items[FieldsKey] is not List<string> fields)
        {
            context.Items[FieldsKey] = fields = [];
        }

        if (!fields.Contains(field, StringComparer.Ordinal))
        {
            fields.Add(field);
        }

        if (target is not null)
        {
            if (context.Items[TargetsKey] is not Dictionary<string, string> targets)
            {
                context.Items[TargetsKey] = targets = new(StringComparer.Ordinal);
            }

            targets[field] = target;
        }
    }

    /// <summary>The fields the page drew, in the order it drew them.</summary>
    public static IReadOnlyList<string> FieldsDrawn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[FieldsKey] as List<string> ?? [];
    }

    /// <summary>
    /// The id of the element a message's link leads to: the field's own (its first input), or the one it named; null when
    /// the page drew no such field (a value in the address with nothing on the page to correct it), so the message is
    /// shown without a link rather than one that leads nowhere. A key matches its field whatever its case, as the page's
    /// state does: a value bound from <c>?from=</c> and the rule about <c>From</c> are one field.
    /// </summary>
    public static string? TargetOf(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = FieldsDrawn(context).FirstOrDefault(drawn => string.Equals(drawn, FieldId(key), StringComparison.OrdinalIgnoreCase));
        return id is not null && context.Items[TargetsKey] is Dictionary<string, string> targets && targets.TryGetValue(id, out var target) ? target : id;
    }

    /// <summary>
    /// Records that the page did not do what it was asked (its request was refused, or not sent because of an error it
    /// found first): its error summary is then shown even on a page that draws no field for the error, so a person reads
    /// why the page is empty.
    /// </summary>
    public static void Refused(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[RefusedKey] = true;
    }

    /// <summary>
    /// The id a field's key gives its first input: the key with anything but letters and digits as a hyphen, so a list
    /// item's key ("Answers[3].NotAskedReason", as the request's rules name it) makes a plain id ("Answers-3-NotAskedReason").
    /// </summary>
    public static string FieldId(string key) => NotIdCharacters().Replace(key ?? string.Empty, "-").Trim('-');

    [System.Text.RegularExpressions.GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex NotIdCharacters();

    /// <summary>
    /// Whether the page shows an error summary (and its title says "Error:"): a form the page drew, or a form posted,
    /// has errors, or the page did not do what it was asked because of them. A list page whose address holds a value it
    /// cannot read, and that lists its rows all the same, simply ignores it.
    /// </summary>
    public static bool IsShown(HttpContext context, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(modelState);
        return !modelState.IsValid && (FieldsDrawn(context).Count > 0 || HttpMethods.IsPost(context.Request.Method) || context.Items.ContainsKey(RefusedKey));
    }

    /// <summary>Every message with the field it belongs to, in the order the page drew the fields; others last.</summary>
    public static IReadOnlyList<(string Field, string Message)> Messages(HttpContext context, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var drawn = FieldsDrawn(context);
        int Position(string key)
        {
            var index = -1;
            for (var i = 0; i < drawn.Count && index < 0; i++)
            {
                index = string.Equals(drawn[i], FieldId(key), StringComparison.OrdinalIgnoreCase) ? i : -1;
            }

            return index < 0 ? int.MaxValue : index;
        }

        return modelState.Where(e => e.Value?.Errors.Count > 0)
            .OrderBy(e => Position(e.Key))
            .SelectMany(e => e.Value!.Errors.Select(error => (e.Key, error.ErrorMessage)))
            .ToList();
    }
}
