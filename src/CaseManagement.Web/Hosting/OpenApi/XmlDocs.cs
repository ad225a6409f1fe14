using System.Reflection;
using System.Xml.XPath;

namespace CaseManagement.Web.Hosting.OpenApi;

/// <summary>The summaries of the XML documentation files, for what Swashbuckle does not read itself (enum values).</summary>
public sealed class XmlDocs
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocs(Dictionary<string, string> summaries) => _summaries = summaries;

    public static string FileOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
    }

    public static XmlDocs Load(IEnumerable<Assembly> assemblies)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in assemblies.Select(FileOf).Where(File.Exists))
        {
            using var reader = System.Xml.XmlReader.Create(file, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            var members = new XPathDocument(reader).CreateNavigator().Select("/doc/members/member[summary]");
            while (members.MoveNext())
            {
                var name = members.Current!.GetAttribute("name", string.Empty);
                var summary = members.Current.SelectSingleNode("summary")?.Value;
                if (!string.IsNullOrWhiteSpace(summary))
                {
                    summaries[name] = string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        return new XmlDocs(summaries);
    }

    /// <summary>The summary of an enum's value, or null when it has none.</summary>
    public string? EnumValue(Type enumType, string name)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return _summaries.GetValueOrDefault($"F:{enumType.FullName!.Replace('+', '.')}.{name}");
    }
}
