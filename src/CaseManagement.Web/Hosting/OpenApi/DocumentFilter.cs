using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// The document as a whole: its versioning and deprecation policy, JSON as the one body format, and an example on
/// every request and response body (a hand-written one where <see cref="ApiExamples"/> has it, otherwise one made
/// from the schema) so that a developer sees a value for every field and the lint checks each against its schema.
/// A named schema's example is written once under components/examples and referred to from each body.
/// </summary>
public sealed class DocumentFilter : IDocumentFilter
{
    // MVC's formatters also offer these; the API reads and writes application/json, and problems as problem+json.
    private static readonly string[] Aliases = ["text/plain", "text/json", "application/*+json"];

    /// <summary>
    /// OpenAPI 3.0 allows <c>nullable</c> only beside a <c>type</c>: a property that may be null and refers to another
    /// schema (<c>allOf</c> of it) takes that schema's type, or validators refuse the document.
    /// </summary>
    private static void TypeNullableReferences(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (var property in (schemas?.Values ?? []).SelectMany(s => s.Properties?.Values.AsEnumerable() ?? []).OfType<OpenApiSchema>())
        {
            if (property.Type == JsonSchemaType.Null && property.AllOf is [OpenApiSchemaReference { Reference.Id: { } id }] && schemas!.TryGetValue(id, out var target))
            {
                property.Type = (target.Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
                if (target.Enum is { Count: > 0 } values)
                {
                    // allOf would hold null to the enum's values too: the values are written out, null among them.
                    property.Enum = [.. values.Select(v => v.DeepClone()), null!];
                    property.AllOf = null;
                }
            }
        }
    }

    /// <summary>
    /// A property that may not be null and refers to another schema comes wrapped in an <c>allOf</c> of that one schema
    /// (UseAllOfToExtendReferenceSchemas): with nothing beside it the wrapper says nothing, and the lint flags it.
    /// </summary>
    private static void UnwrapLoneReferences(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (var properties in (schemas?.Values ?? []).OfType<OpenApiSchema>().Select(s => s.Properties).OfType<IDictionary<string, IOpenApiSchema>>())
        {
            foreach (var (name, property) in properties.ToList())
            {
                if (property is OpenApiSchema { Type: null, Description: null, Example: null, AllOf: [OpenApiSchemaReference reference] })
                {
                    properties[name] = reference;
                }
            }
        }
    }

    /// <summary>An enum written out where it may be null is no longer referred to: its schema would be noise.</summary>
    private static void RemoveUnused(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        while (schemas is { Count: > 0 })
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            document.SerializeAsV3(new OpenApiJsonWriter(text));
            var json = text.ToString();
            var unused = schemas.Keys.Where(id => !json.Contains($"\"#/components/schemas/{id}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0)
            {
                return;
            }

            foreach (var id in unused)
            {
                schemas.Remove(id);
            }
        }
    }

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Info.Description = OpenApiSetup.Policy;
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The address your administrator gave you; every path starts /api/v1." }];
        swaggerDoc.Components ??= new OpenApiComponents();
        TypeNullableReferences(swaggerDoc.Components.Schemas);
        UnwrapLoneReferences(swaggerDoc.Components.Schemas);
        var examples = new ExampleMaker(swaggerDoc.Components.Schemas ?? new Dictionary<string, IOpenApiSchema>());
        var bodies = swaggerDoc.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => (o.RequestBody?.Content is { } request ? [request] : Array.Empty<IDictionary<string, OpenApiMediaType>>())
                .Concat(o.Responses?.Values.Select(r => r.Content).OfType<IDictionary<string, OpenApiMediaType>>() ?? []));
        foreach (var content in bodies)
        {
            foreach (var media in content.Values.Where(m => m.Schema is OpenApiSchema { AllOf: [OpenApiSchemaReference], Properties: null or { Count: 0 } }))
            {
                // A body is never null: the allOf that UseAllOfToExtendReferenceSchemas wraps it in says nothing.
                media.Schema = ((OpenApiSchema)media.Schema!).AllOf![0];
            }

            if (content.ContainsKey("application/json"))
            {
                foreach (var alias in Aliases)
                {
                    content.Remove(alias);
                }
            }

            foreach (var media in content.Values.Where(m => m.Example is null && m.Examples is not { Count: > 0 } && m.Schema is not null))
            {
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id })
                {
                    if (swaggerDoc.Components.Examples?.ContainsKey(id) != true && examples.For(media.Schema) is { } value)
                    {
                        swaggerDoc.AddComponent<IOpenApiExample>(id, new OpenApiExample { Summary = $"A {id}", Value = value });
                    }

                    media.Examples = new Dictionary<string, IOpenApiExample> { [id] = new OpenApiExampleReference(id, swaggerDoc) };
                }
                else
                {
                    media.Example = examples.For(media.Schema!);
                }
            }
        }

        RemoveUnused(swaggerDoc);
    }
}
