using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// PostgreSQL cannot hold the NUL character (U+0000) in text and fails any statement that carries one, so a client
/// that puts one in a name, a note or an email address would get a 500. No person types it; it is refused at the edge
/// as a request that cannot be read: in the path, the query string and a form here, and in a JSON body by
/// <see cref="NulRefusingStringConverter"/>.
/// </summary>
public sealed class NulCharacterGuardMiddleware(RequestDelegate next)
{
    public const string Message = "The request has a NUL character (U+0000), which cannot be stored. Remove it and send the request again.";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await HasNulAsync(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (HostSetup.IsApiRequest(context))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = "The request could not be read.", Detail = Message },
                });
            }

            // A page gets the styled 400 page from the status-code pages.
            return;
        }

        await next(context);
    }

    private static async Task<bool> HasNulAsync(HttpRequest request)
    {
        if (HasNul(request.Path.Value) || request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul)))
        {
            return true;
        }

        if (!request.HasFormContentType)
        {
            return false;
        }

        try
        {
            // Read once and kept by the request: the page's model binding and the antiforgery check read the same form.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Any(f => HasNul(f.Key) || f.Value.Any(HasNul));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A form that cannot be read is refused by the model binding, as it was before this check.
            return false;
        }
    }

    private static bool HasNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;
}

/// <summary>Refuses a JSON string holding a NUL character; the API answers 400 with the field named (see <see cref="NulCharacterGuardMiddleware"/>).</summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException();
        return value?.Contains('\0', StringComparison.Ordinal) == true ? throw new JsonException(NulCharacterGuardMiddleware.Message) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
