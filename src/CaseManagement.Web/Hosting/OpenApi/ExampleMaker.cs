using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// An example value for a schema: the hand-written one of <see cref="ApiExamples"/> for a named schema that has one,
/// otherwise one built field by field, with a plausible value for each field's name and format, so it is valid
/// against the schema by construction (the lint checks it is).
/// </summary>
public sealed class ExampleMaker(IDictionary<string, IOpenApiSchema> schemas)
{
    private const int MaxDepth = 6;

    public JsonNode? For(IOpenApiSchema schema) => Make(schema, null, 0);

    private JsonNode? Make(IOpenApiSchema schema, string? property, int depth)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            if (ApiExamples.For(id) is { } written)
            {
                return written;
            }

            if (!schemas.TryGetValue(id, out var target))
            {
                return null;
            }

            schema = target;
        }

        if (schema.Example is { } own)
        {
            return own.DeepClone();
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        if (schema.AllOf is { Count: > 0 } all)
        {
            return Make(all[0], property, depth);
        }

        if (schema.OneOf is { Count: > 0 } one)
        {
            return Make(one[0], property, depth);
        }

        var type = (schema.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null;
        return type switch
        {
            _ when type.HasFlag(JsonSchemaType.Array) => depth >= MaxDepth || schema.Items is null ? new JsonArray() : new JsonArray(Make(schema.Items, Singular(property), depth + 1)),
            _ when type.HasFlag(JsonSchemaType.Object) => Object(schema, depth),
            _ when type.HasFlag(JsonSchemaType.Boolean) => JsonValue.Create(false),
            _ when type.HasFlag(JsonSchemaType.Integer) => JsonValue.Create(Number(schema, property)),
            _ when type.HasFlag(JsonSchemaType.Number) => JsonValue.Create((double)Number(schema, property)),
            _ when type.HasFlag(JsonSchemaType.String) => JsonValue.Create(Text(schema, property)),
            _ => null,
        };
    }

    private JsonObject Object(IOpenApiSchema schema, int depth)
    {
        var result = new JsonObject();
        if (depth >= MaxDepth)
        {
            return result;
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            result[name] = Make(property, name, depth + 1);
        }

        if (result.Count == 0 && schema.AdditionalProperties is { } values)
        {
            result["example"] = Make(values, null, depth + 1);
        }

        return result;
    }

    private static int Number(IOpenApiSchema schema, string? property)
    {
        var wanted = property switch
        {
            "page" => 1,
            "pageSize" => 25,
            "totalCount" => 1,
            _ when property?.EndsWith("Minutes", StringComparison.Ordinal) == true => 30,
            _ when property?.EndsWith("Days", StringComparison.Ordinal) == true => 14,
            _ => 1,
        };
        if (decimal.TryParse(schema.Minimum, System.Globalization.CultureInfo.InvariantCulture, out var min) && wanted < min)
        {
            wanted = (int)Math.Ceiling(min);
        }

        if (decimal.TryParse(schema.Maximum, System.Globalization.CultureInfo.InvariantCulture, out var max) && wanted > max)
        {
            wanted = (int)Math.Floor(max);
        }

        return wanted;
    }

    private static string Text(IOpenApiSchema schema, string? property)
    {
        var text = schema.Format switch
        {
            "uuid" => Uuid(property),
            "date" => property?.Contains("Birth", StringComparison.Ordinal) == true ? "2011-03-14" : "2026-12-07",
            "date-time" => "2026-12-07T10:15:00Z",
            "time" => "10:15:00",
            "email" => "ffion.hughes@example.org",
            "uri" => "https://partner.example.org/casemanagement/events",
            "byte" => "UEsDBA==",
            "binary" => "PDF",
            _ => Words(property),
        };
        return schema.MaxLength is { } most && text.Length > most ? text[..most] : text;
    }

    private static string Uuid(string? property) => property switch
    {
        "teamId" => "3b1f6a52-1c0e-4a55-9a0e-6f2d1f0e7a11",
        "childId" => "8c2d4e6f-0a1b-4c3d-8e5f-7a9b0c1d2e3f",
        "caseId" => "c4a1e2b3-5d6f-4a7b-9c8d-0e1f2a3b4c5d",
        _ => "2f6a9b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c",
    };

    private static string Words(string? property) => property switch
    {
        null => "string",
        _ when property.Contains("GivenName", StringComparison.Ordinal) || property == "givenName" => "Cerys",
        _ when property.Contains("FamilyName", StringComparison.Ordinal) || property == "familyName" => "Pritchard",
        _ when property.Contains("PreferredName", StringComparison.Ordinal) => "Cer",
        _ when property.Contains("Postcode", StringComparison.OrdinalIgnoreCase) => "SA1 1AA",
        _ when property.Contains("Email", StringComparison.OrdinalIgnoreCase) => "ffion.hughes@example.org",
        _ when property.Contains("Phone", StringComparison.OrdinalIgnoreCase) => "029 2000 0000",
        _ when property.Contains("Name", StringComparison.Ordinal) => "Ffion Hughes",
        _ when property == "reference" => "RF-2026-00042",
        _ when property.Contains("Reason", StringComparison.OrdinalIgnoreCase) => "The family asked for help from the Families First service instead.",
        _ when property.Contains("Note", StringComparison.OrdinalIgnoreCase) => "Spoke with Cerys's mother by telephone.",
        _ when property.Contains("Token", StringComparison.Ordinal) => "CfDJ8Example.AccessToken",
        _ when property == "title" => "The request has errors.",
        _ when property == "type" => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        _ when property == "instance" => "/api/v1/referrals",
        _ when property == "correlationId" => "9d3e0f1a2b4c4d5e8f6a7b8c9d0e1f2a",
        _ => "Text as the team wrote it.",
    };

    private static string? Singular(string? property) => property is { Length: > 1 } && property.EndsWith('s') ? property[..^1] : property;
}
