using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseManagement.IntegrationTests.Api.OpenApi;

/// <summary>
/// The committed OpenAPI document (docs/openapi/v1.json) as a contract: whether an answer the app gave is one the
/// document declares for that operation, its status, its media type and its body. Bodies are checked strictly: a
/// field the schema does not declare is a breach, as it would be for a client generated from the document.
/// </summary>
public sealed class OpenApiContract
{
    private readonly JsonNode _document;
    private readonly List<(Regex Path, string Template)> _paths;

    private OpenApiContract(JsonNode document)
    {
        _document = document;
        _paths = document["paths"]!.AsObject()
            .Select(p => (new Regex("^" + Regex.Replace(p.Key, @"\{[^}]+\}", "[^/]+") + "$", RegexOptions.IgnoreCase), p.Key))
            .OrderByDescending(p => p.Key.Count(c => c == '/')).ThenBy(p => p.Key.Contains('{', StringComparison.Ordinal))
            .ToList();
    }

    public static string CommittedPath => Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

    public static OpenApiContract Committed() => new(JsonNode.Parse(File.ReadAllText(CommittedPath))!);

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CaseManagement.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CaseManagement.sln not found above the test assembly.");
    }

    /// <summary>What, if anything, in the answer the document does not declare; an empty list when it all is.</summary>
    public async Task<IReadOnlyList<string>> BreachesAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var request = response.RequestMessage!;
        var path = request.RequestUri!.AbsolutePath;
        var call = $"{request.Method} {path} answered {(int)response.StatusCode}";
        var template = _paths.FirstOrDefault(p => p.Path.IsMatch(path)).Template;
        if (template is null)
        {
            return [$"{call}: the path is not in the document"];
        }

        var operation = _document["paths"]![template]![request.Method.Method.ToLowerInvariant()];
        if (operation is null)
        {
            return [$"{call}: {request.Method} {template} is not in the document"];
        }

        var declared = operation["responses"]![((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? operation["responses"]!["default"];
        if (declared is null)
        {
            return [$"{call}: status {(int)response.StatusCode} is not declared for {request.Method} {template}"];
        }

        var body = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        var content = declared["content"]?[mediaType];
        if (content is null)
        {
            return [$"{call} with {mediaType}: the document declares no such body for that status"];
        }

        var breaches = new List<string>();
        if (content["schema"] is { } schema)
        {
            Check(JsonNode.Parse(body), schema, "$", breaches);
        }

        return breaches.Select(b => $"{call}: {b}").ToList();
    }

    private JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = _document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!;
        }

        return schema;
    }

    private void Check(JsonNode? value, JsonNode schema, string at, List<string> breaches)
    {
        schema = Resolve(schema);
        if (value is null && schema["nullable"]?.GetValue<bool>() == true)
        {
            return;
        }

        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all)
            {
                Check(value, part!, at, breaches);
            }

            return;
        }

        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && schema["type"] is not null)
            {
                breaches.Add($"{at} is null, which the schema does not allow");
            }

            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            breaches.Add($"{at} is {value.ToJsonString()}, not one of the declared values");
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                CheckObject(value, schema, at, breaches);
                break;
            case "array" when value is JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Check(items[i], schema["items"]!, $"{at}[{i}]", breaches);
                }

                break;
            case "string" when value.GetValueKind() != System.Text.Json.JsonValueKind.String:
            case "boolean" when value.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False):
            case "integer" or "number" when value.GetValueKind() != System.Text.Json.JsonValueKind.Number:
            case "array":
                breaches.Add($"{at} is {value.GetValueKind()}, the schema says {schema["type"]}");
                break;
        }
    }

    private void CheckObject(JsonNode value, JsonNode schema, string at, List<string> breaches)
    {
        if (value is not JsonObject fields)
        {
            breaches.Add($"{at} is {value.GetValueKind()}, the schema says object");
            return;
        }

        var properties = schema["properties"]?.AsObject();
        foreach (var (name, field) in fields)
        {
            if (properties?[name] is { } property)
            {
                Check(field, property, $"{at}.{name}", breaches);
            }
            else if (schema["additionalProperties"] is { } extra && extra.GetValueKind() != System.Text.Json.JsonValueKind.False)
            {
                if (extra is JsonObject { Count: > 0 })
                {
                    Check(field, extra, $"{at}.{name}", breaches);
                }
            }
            else
            {
                breaches.Add($"{at}.{name} is not declared in the schema");
            }
        }

        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!fields.ContainsKey(required))
            {
                breaches.Add($"{at}.{required} is required but missing");
            }
        }
    }
}
