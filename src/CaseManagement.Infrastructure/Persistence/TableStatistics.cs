using System.Data.Common;
using CaseManagement.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Refreshes a table's planner statistics in each provider's words (decision 0106): <c>ANALYZE</c> on PostgreSQL and
/// SQLite (which writes <c>sqlite_stat1</c>), <c>UPDATE STATISTICS</c> on SQL Server. The table's name comes from the
/// model, never from a caller, so nothing a user sends reaches the statement. A refresh the database refuses (a login
/// without the right to alter the table, on SQL Server) is logged as a warning and does not fail the caller: the work
/// before it is done, and a job that reported failure would key nothing on its retry and never refresh.
/// </summary>
public sealed class TableStatistics(AppDbContext db, ILogger<TableStatistics> logger) : ITableStatistics
{
    public async Task RefreshAsync<TEntity>(CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";
        var statement = db.Database.IsSqlServer() ? $"UPDATE STATISTICS {(entity.GetSchema() is { } owner ? $"[{owner}]." : string.Empty)}[{table}]" : $"ANALYZE {name}";
        try
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
        catch (DbException exception)
        {
            logger.LogWarning(exception, "The planner statistics of table {Table} were not refreshed", table);
        }
    }
}
