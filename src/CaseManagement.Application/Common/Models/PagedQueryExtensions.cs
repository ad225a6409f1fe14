using System.Linq.Expressions;

namespace CaseManagement.Application.Common.Models;

public static class PagedQueryExtensions
{
    /// <summary>Counts the query, then projects one page of it to <typeparamref name="TDto"/> in the database.</summary>
    public static async Task<PagedList<TDto>> ToPagedListAsync<TEntity, TDto>(this IQueryable<TEntity> query, Expression<Func<TEntity, TDto>> projection, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).Select(projection).ToListAsync(cancellationToken);
        return new PagedList<TDto>(items, page, pageSize, total);
    }
}
