using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- audit-verify</c> (with the app's usual configuration) checks the
/// audit trail's keyed hash chain and the latest checkpoint, records a signed checkpoint of the end it found, and
/// exits 0 when the trail is intact, 1 when an entry was altered, removed or rewritten without the key.
/// </summary>
public static class AuditVerifyCommand
{
    public const string Verb = "audit-verify";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCaseManagement();
        await using var app = builder.Build();
        return await VerifyAsync(app.Services, output);
    }

    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();

        // The auditor's check itself, without the mediator's sign-in rules: the command runs as the operator.
        var handler = new VerifyAuditHandler(
            scope.ServiceProvider.GetRequiredService<IApplicationDbContext>(),
            scope.ServiceProvider.GetRequiredService<AuditKeyring>(),
            scope.ServiceProvider.GetRequiredService<IAuditCheckpoints>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var result = await handler.Handle(new VerifyAudit(), CancellationToken.None);
        await output.WriteLineAsync(result.IsIntact ? $"Audit trail intact: {result.Message}" : $"AUDIT TRAIL BROKEN at entry {result.FirstBrokenSequence}: {result.Message}");
        if (result.Checkpoint is { } checkpoint)
        {
            await output.WriteLineAsync($"Checkpoint: {checkpoint}");
        }

        return result.IsIntact ? 0 : 1;
    }
}
