namespace CaseManagement.Application.Common.Models;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public bool HasPreviousPage => Page > 1;

    public bool HasNextPage => Page < TotalPages;
}

/// <summary>Bounds shared by every paginated query.</summary>
public static class Paging
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 100;

    /// <summary>The last page a list can be asked for (so that page times page size never overflows an offset).</summary>
    public const int MaxPage = 100_000;
}
