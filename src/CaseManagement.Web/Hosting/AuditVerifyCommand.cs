using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CaseManagement.Web -- audit-verify</c> (with the app's usual configuration) checks the
/// audit trail's hash chain and exits 0 when it is intact, 1 when an entry was altered or removed.
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
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = AuditChain.Verify(db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().ToBlockingEnumerable());
        await output.WriteLineAsync(result.IsIntact ? $"Audit trail intact: {result.Message}" : $"AUDIT TRAIL BROKEN at entry {result.FirstBrokenSequence}: {result.Message}");
        return result.IsIntact ? 0 : 1;
    }
}
