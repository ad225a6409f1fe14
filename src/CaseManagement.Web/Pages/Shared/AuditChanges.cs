using System.Text.Json;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>One changed field of an audit entry, as a person reads it; <see cref="Withheld"/> when its values are not shown to the reader.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool Withheld = false);

/// <summary>Turns the audit trail's JSON of changes ({"Field": [before, after]}) into rows for a table.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Describe(string? json, IReadOnlyCollection<string>? withheld = null)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => withheld?.Contains(p.Name) == true
                ? new AuditChange(p.Name, null, null, Withheld: true)
                : new AuditChange(p.Name, Text(p.Value[0]), Text(p.Value[1])))
            .ToList();
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
