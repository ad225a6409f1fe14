using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>
/// Enums travel as their names (JsonStringEnumConverter); a client's developer also needs what each name means, so
/// every value is listed in the schema's description with its XML summary (or, lacking one, its name in words).
/// </summary>
public sealed partial class EnumValuesFilter(XmlDocs docs) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!type.IsEnum || schema is not OpenApiSchema concrete)
        {
            return;
        }

        var text = new StringBuilder(concrete.Description);
        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        foreach (var name in Enum.GetNames(type))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{name}`: {docs.EnumValue(type, name) ?? Words(name)}\n");
        }

        concrete.Description = text.ToString().TrimEnd();
    }

    private static string Words(string name) =>
        string.Concat(name[0], WordStart().Replace(name[1..], m => " " + m.Value.ToLowerInvariant())) + ".";

    [GeneratedRegex("[A-Z]")]
    private static partial Regex WordStart();
}
