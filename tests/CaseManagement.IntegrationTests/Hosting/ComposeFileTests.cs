using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CaseManagement.IntegrationTests.Hosting;

/// <summary>
/// No Docker engine runs on these machines, so docker-compose.yml is checked by reading it: it must parse, every
/// service must have a health check, and every setting it gives the app must be one the app reads.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static Dictionary<string, string> Environment(string service) =>
        Map(Map(Root, "services"), service).Children.TryGetValue(new YamlScalarNode("environment"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? string.Empty)
            : [];

    /// <summary>Every key of appsettings.json, as a configuration path such as Database:Provider.</summary>
    private static HashSet<string> AppSettingKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "CaseManagement.Web", "appsettings.json")));
        void Walk(JsonElement element, string prefix)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
                keys.Add(path);
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Walk(property.Value, path);
                }
            }
        }

        Walk(json.RootElement, string.Empty);
        return keys;
    }

    [Fact]
    public void Services_AppPostgresAndSmtpSink_EachWithAHealthCheck()
    {
        var services = Map(Root, "services");

        var started = services.Children.Where(s => !((YamlMappingNode)s.Value).Children.ContainsKey(new YamlScalarNode("profiles")));
        Assert.Equal(["app", "postgres", "smtp"], started.Select(s => ((YamlScalarNode)s.Key).Value).Order(StringComparer.Ordinal));
        foreach (var service in services.Children.Values.Cast<YamlMappingNode>())
        {
            Assert.True(service.Children.ContainsKey(new YamlScalarNode("healthcheck")));
        }

        Assert.Equal("postgres:16", ((YamlScalarNode)Map(services, "postgres").Children[new YamlScalarNode("image")]).Value);
    }

    [Fact]
    public void AppEnvironment_NamesOnlySettingsTheAppReads()
    {
        var known = AppSettingKeys();
        var unknown = Environment("app").Keys
            .Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            .Where(k => !known.Contains(k.Replace("__", ":", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void AppDatabase_PointsAtTheComposedPostgres()
    {
        var app = Environment("app");
        var postgres = Environment("postgres");
        var connection = app["Database__ConnectionString"];

        Assert.Equal("PostgreSQL", app["Database__Provider"]);
        Assert.Contains("Host=postgres;", connection, StringComparison.Ordinal);
        Assert.Contains($"Database={postgres["POSTGRES_DB"]};", connection, StringComparison.Ordinal);
        Assert.Contains($"Username={postgres["POSTGRES_USER"]};", connection, StringComparison.Ordinal);
        Assert.Equal("Production", app["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void SqlServerProfile_RunsTheAppOnSqlServer2022()
    {
        var services = Map(Root, "services");
        var app = Environment("app-sqlserver");

        Assert.Equal("mcr.microsoft.com/mssql/server:2022-latest", ((YamlScalarNode)Map(services, "sqlserver").Children[new YamlScalarNode("image")]).Value);
        foreach (var name in new[] { "app-sqlserver", "sqlserver" })
        {
            Assert.Equal("sqlserver", ((YamlScalarNode)((YamlSequenceNode)Map(services, name).Children[new YamlScalarNode("profiles")]).Single()).Value);
        }

        Assert.Equal("SqlServer", app["Database__Provider"]);
        Assert.StartsWith("Server=sqlserver,1433;Database=casemanagement;", app["Database__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("Password=${MSSQL_SA_PASSWORD:-}", app["Database__ConnectionString"], StringComparison.Ordinal);
        var known = AppSettingKeys();
        Assert.DoesNotContain(app.Keys, k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !known.Contains(k.Replace("__", ":", StringComparison.Ordinal)));
    }

    [Fact]
    public void Secrets_ComeFromTheEnvironment_NotTheFile()
    {
        foreach (var (key, value) in Environment("app").Concat(Environment("postgres")).Where(e => e.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Matches(@"^\$\{[A-Z_]+(:\?|:-)", value);
        }

        Assert.Matches(@"Password=\$\{POSTGRES_PASSWORD:\?", Environment("app")["Database__ConnectionString"]);
    }

    [Fact]
    public void Dockerfile_RunsTheWebAssemblyAndShipsTheMigrations()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

        Assert.Contains("ENTRYPOINT [\"dotnet\", \"CaseManagement.Web.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY db/ db/", dockerfile, StringComparison.Ordinal);
        Assert.Equal(2, FromLine().Count(dockerfile));
    }

    [GeneratedRegex("^FROM ", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
