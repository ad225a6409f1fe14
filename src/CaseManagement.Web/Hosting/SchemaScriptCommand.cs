using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- schema-script --provider PostgreSQL</c> prints the CREATE script
/// of the EF model for a provider: the starting point for a new file in db/migrations (dotnet-ef cannot run here; see
/// docs/decisions/0006-sql-migration-scripts.md).
/// </summary>
public static class SchemaScriptCommand
{
    public const string Verb = "schema-script";

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var provider = DatabaseProvider.Sqlite;
        if (args.Length == 2 && args[0] == "--provider" && !Enum.TryParse(args[1], ignoreCase: true, out provider))
        {
            output.WriteLine($"Unknown provider '{args[1]}'. Use Sqlite, PostgreSQL or SqlServer.");
            return 2;
        }

        var connection = provider switch
        {
            DatabaseProvider.PostgreSQL => "Host=localhost",
            DatabaseProvider.SqlServer => "Server=localhost",
            _ => "Data Source=:memory:",
        };
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, connection);
        using var db = new AppDbContext(options.Options);
        output.WriteLine(db.Database.GenerateCreateScript());
        return 0;
    }
}
