using CaseManagement.Web.Hosting;

switch (args.FirstOrDefault())
{
    case SchemaScriptCommand.Verb:
        return SchemaScriptCommand.Run(args[1..], Console.Out);
    case HealthCheckCommand.Verb:
        return await HealthCheckCommand.RunAsync(args[1..], Console.Out);
    case AuditVerifyCommand.Verb:
        return await AuditVerifyCommand.RunAsync(args[1..], Console.Out);
    case CaseManagement.Web.Hosting.OpenApi.OpenApiCommand.Verb:
        return await CaseManagement.Web.Hosting.OpenApi.OpenApiCommand.RunAsync(args[1..], Console.Out);
}

var builder = AppHost.CreateBuilder(args);
builder.AddCaseManagement();

var app = builder.Build();
app.UseCaseManagement();
if (!await app.TryPrepareDatabaseAsync(Console.Error))
{
    return AppHost.DatabaseUnavailable;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
