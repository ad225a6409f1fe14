using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>Shapes a case's dates for the outcome tests, which need time that a test cannot wait for.</summary>
internal static class CaseHistory
{
    /// <summary>Moves a case's opening and closing into the past, so its follow-up window has run.</summary>
    public static async Task BackdateAsync<TEntry>(this WebApplicationFactory<TEntry> factory, Guid caseId, DateOnly closedOn)
        where TEntry : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var closedAt = closedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.OpenedAtUtc, closedAt.AddDays(-120))
            .SetProperty(c => c.ClosedOn, closedOn)
            .SetProperty(c => c.ClosedAtUtc, closedAt));
    }
}
