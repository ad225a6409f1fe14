using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// What the OpenAPI document says beyond what the controllers declare (docs/decisions/0046): the XML comments, an
/// example for every body, enum values described, problem documents, headers and each operation's security. The
/// document is how a partner's developer learns the API, so .ci/run lints it and builds a client from it.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The policy the document's description states; docs/api.md says the same at more length.</summary>
    public const string Policy = """
        Referrals, children and cases for youth offending prevention teams in Wales.

        **Versioning.** The version is in the path (`/api/v1`). Within v1 a change only adds: new operations, new
        optional request fields, new response fields, new enum values (treat an unknown value as "other") and new
        error statuses. Anything else (removing or renaming a field, making one required, changing a meaning) comes
        as `/api/v2`, and v1 keeps answering for at least 12 months after v2 is published.

        **Deprecation.** An operation to be removed is marked `deprecated` here and answers with a `Deprecation` header
        and a `Sunset` header giving the date it stops, announced at least 6 months ahead.

        **Errors.** Every error is an RFC 9457 problem document (`application/problem+json`) carrying a
        `correlationId`; quote it when you report a problem. Every answer carries an `X-Correlation-ID` header.

        **Retries.** Send an `Idempotency-Key` header (a new UUID per referral) when submitting: a retry with the same
        key answers as the first request did, with `Idempotent-Replayed: true`, and creates nothing new.
        """;

    public static IServiceCollection AddCaseManagementOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<XmlDocs>(_ => XmlDocs.Load(DocumentedAssemblies()));
        services.ConfigureSwaggerGen(swagger =>
        {
            foreach (var file in DocumentedAssemblies().Select(XmlDocs.FileOf).Where(File.Exists))
            {
                swagger.IncludeXmlComments(file, includeControllerXmlComments: true);
            }

            // Controller_Action: unique, stable across releases, and what a generated client names its methods after.
            swagger.CustomOperationIds(api => api.ActionDescriptor is ControllerActionDescriptor action ? $"{action.ControllerName}_{action.ActionName}" : null);
            // A nullable reference (an enum or record that may be null) keeps its "nullable" beside the $ref.
            swagger.UseAllOfToExtendReferenceSchemas();
            swagger.MapType<TimeOnly>(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$", Example = JsonValue.Create("10:15:00") });
            swagger.SchemaFilter<EnumValuesFilter>();
            swagger.OperationFilter<OperationFilter>();
            swagger.DocumentFilter<DocumentFilter>();
        });
        return services;
    }

    /// <summary>The projects whose types appear in the document; each builds its XML documentation file.</summary>
    internal static IEnumerable<Assembly> DocumentedAssemblies() =>
    [
        typeof(OpenApiSetup).Assembly,
        typeof(Application.DependencyInjection).Assembly,
        typeof(Domain.Common.Entity).Assembly,
    ];
}
