using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>
/// A record's rows that it keeps in a private list and adds to through its own methods (a contact's workers, a plan's
/// items): EF Core loads and saves the list through the field, not the read-only collection the property shows.
/// </summary>
internal static class RowCollections
{
    /// <summary>Maps <paramref name="rows"/> as the record's rows by <paramref name="foreignKey"/>, read and written through its field.</summary>
    public static ReferenceCollectionBuilder<TEntity, TRow> HasManyByField<TEntity, TRow>(
        this EntityTypeBuilder<TEntity> builder,
        Expression<Func<TEntity, IEnumerable<TRow>?>> rows,
        Expression<Func<TRow, object?>> foreignKey,
        DeleteBehavior onDelete)
        where TEntity : class
        where TRow : class
    {
        var relation = builder.HasMany(rows).WithOne().HasForeignKey(foreignKey).OnDelete(onDelete);
        builder.Navigation(rows).UsePropertyAccessMode(PropertyAccessMode.Field);
        return relation;
    }
}
