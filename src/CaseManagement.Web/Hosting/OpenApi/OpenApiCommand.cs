using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- openapi docs/openapi/v1.json</c> writes the OpenAPI document
/// the app serves, without starting it or opening a database: the committed copy is what CI lints and generates a
/// client from (docs/decisions/0046), and a test fails when it no longer matches the app.
/// </summary>
public static class OpenApiCommand
{
    public const string Verb = "openapi";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length != 1)
        {
            await output.WriteLineAsync("Usage: openapi FILE (for example docs/openapi/v1.json)");
            return 2;
        }

        var builder = AppHost.CreateBuilder([]);
        builder.AddCaseManagement();
        await using var app = builder.Build();
        app.UseCaseManagement();
        await File.WriteAllTextAsync(args[0], await WriteAsync(app.Services));
        await output.WriteLineAsync($"Wrote {args[0]}");
        return 0;
    }

    /// <summary>The document as the app serves it at /swagger/v1/swagger.json, indented, with a final new line.</summary>
    public static async Task<string> WriteAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger("v1");
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await document.SerializeAsync(new OpenApiJsonWriter(text), OpenApiSpecVersion.OpenApi3_0);
        return text.ToString().ReplaceLineEndings("\n") + "\n";
    }
}
