using CaseManagement.Web.Hosting;

if (args.Length > 0 && string.Equals(args[0], SchemaScriptCommand.Verb, StringComparison.Ordinal))
{
    return SchemaScriptCommand.Run(args[1..], Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCaseManagement();

var app = builder.Build();
app.UseCaseManagement();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
