using CaseManagement.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Refreshes a table's planner statistics in each provider's words (decision 0106): <c>ANALYZE</c> on PostgreSQL and
/// SQLite (which writes <c>sqlite_stat1</c>), <c>UPDATE STATISTICS</c> on SQL Server. The table's name comes from the
/// model, never from a caller, so nothing a user sends reaches the statement.
/// </summary>
public sealed class TableStatistics(AppDbContext db) : ITableStatistics
{
    public Task RefreshAsync<TEntity>(CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";
        var statement = db.Database.IsSqlServer() ? $"UPDATE STATISTICS {name}" : $"ANALYZE {name}";
        return db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }
}
