using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// What a referral list is narrowed to: a status, words to find in the reference or the child's names (every word must
/// be found in one of them, whatever the case), and the UK days it was received on, both ends included.
/// </summary>
public sealed record ReferralFilter(ReferralStatus? Status = null, string? Search = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null)
{
    public const int SearchMaxLength = 100;
}

/// <summary>The referrals a list shows, newest first: one reading for the list's pages and for its export.</summary>
internal static class ReferralLists
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static async Task<IOrderedQueryable<Referral>> ChosenReferralsAsync(this IApplicationDbContext db, ICurrentUser user, DateTime now, ReferralFilter filter, CancellationToken cancellationToken)
    {
        var granted = await db.GrantedReferralIdsAsync(user, now, cancellationToken);
        var query = db.Referrals.VisibleTo(user, granted);
        if (filter.Status is { } only)
        {
            query = query.Where(r => r.Status == only);
        }

        // Lower-cased on both sides (PostgreSQL's LIKE minds case): translated to the database's lower(), where the
        // culture rules these analysers guard against do not apply (as ListChildren does).
        foreach (var word in (filter.Search ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).Distinct())
        {
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(r => r.Reference.ToLower().Contains(word) || r.ChildGivenName.ToLower().Contains(word)
                || r.ChildFamilyName.ToLower().Contains(word) || (r.ChildPreferredName != null && r.ChildPreferredName.ToLower().Contains(word)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // A day is a UK day: a referral received at 00:30 in summer (23:30 UTC the day before) is on the later day.
        if (filter.ReceivedFrom is { } from)
        {
            var fromUtc = StartOfUkDay(from);
            query = query.Where(r => r.ReceivedAtUtc >= fromUtc);
        }

        if (filter.ReceivedTo is { } to)
        {
            var beforeUtc = StartOfUkDay(to.AddDays(1));
            query = query.Where(r => r.ReceivedAtUtc < beforeUtc);
        }

        return query.OrderByDescending(r => r.ReceivedAtUtc).ThenBy(r => r.Id);
    }

    private static DateTime StartOfUkDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime);
}
