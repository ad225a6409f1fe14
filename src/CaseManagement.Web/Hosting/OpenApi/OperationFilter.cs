using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// Per operation: a one-sentence summary over the full description, no token asked where none is needed, and the
/// headers a client meets (correlation id always; Idempotency-Key and Idempotent-Replayed on idempotent submissions;
/// Retry-After on a 429 from a rate limit).
/// </summary>
public sealed class OperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        SplitSummary(operation);
        var attributes = context.MethodInfo.GetCustomAttributes(true).Concat(context.MethodInfo.DeclaringType!.GetCustomAttributes(true)).ToList();
        if (attributes.OfType<IAllowAnonymous>().Any())
        {
            // The document asks for a bearer token everywhere; these operations are how a client gets one.
            operation.Security = [];
        }
        else if (context.ApiDescription.ActionDescriptor.AttributeRouteInfo?.Template is { } template
            && ClientScopeMiddleware.Required.TryGetValue($"{context.ApiDescription.HttpMethod} {template}", out var scope))
        {
            // Open to partner systems too: a person's bearer token, or a client's token holding this scope.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("PartnerClient", context.Document)] = [scope] },
            ];
        }

        operation.Responses ??= [];
        var correlationId = Shared(context.Document, CorrelationIdMiddleware.HeaderName, "The request's correlation id: the caller's own X-Correlation-ID if it sent a sensible one, otherwise a new one. Quote it when reporting a problem.");
        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[CorrelationIdMiddleware.HeaderName] = correlationId;
        }

        if (attributes.OfType<IdempotentAttribute>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A new UUID for each new submission, the same on every retry of it: a retry answers as the first request did and creates nothing new. A key reused for a different request is refused with 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                Example = JsonValue.Create("5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90"),
            });
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => (r.Key, r.Value)).ToList())
            {
                if (response is OpenApiResponse concrete)
                {
                    concrete.Headers![IdempotencyFilter.ReplayedHeaderName] = Header($"`true` when this {status} answer is the stored answer to an earlier request with the same Idempotency-Key.");
                }
            }
        }

        if (attributes.OfType<EnableRateLimitingAttribute>().Any() && operation.Responses.TryGetValue("429", out var limited) && limited is OpenApiResponse tooMany)
        {
            tooMany.Headers!["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer);
        }
    }

    /// <summary>The summary is one line in lists of operations; the whole comment stays as the description.</summary>
    private static void SplitSummary(OpenApiOperation operation)
    {
        if (string.IsNullOrWhiteSpace(operation.Summary))
        {
            return;
        }

        var summary = operation.Summary.Trim();
        var end = summary.IndexOfAny(['.', ':', ';']);
        var first = end > 0 && end < summary.Length - 1 ? summary[..end] : summary.TrimEnd('.');
        if (string.IsNullOrWhiteSpace(operation.Description))
        {
            operation.Description = summary;
        }

        operation.Summary = first;
    }

    /// <summary>A header every operation answers with, described once under components/headers.</summary>
    private static OpenApiHeaderReference Shared(OpenApiDocument document, string name, string description)
    {
        if (document.Components?.Headers?.ContainsKey(name) != true)
        {
            document.AddComponent<IOpenApiHeader>(name, Header(description));
        }

        return new OpenApiHeaderReference(name, document);
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
