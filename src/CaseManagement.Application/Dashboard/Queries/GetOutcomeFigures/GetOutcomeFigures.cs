using CaseManagement.Application.Outcomes;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Dashboard.Queries.GetOutcomeFigures;

/// <summary>The team's outcome figures for a period (from and to, inclusive), for the board.</summary>
[Authorize(Roles.TeamManager)]
public sealed record GetOutcomeFigures(DateOnly From, DateOnly To) : IRequest<OutcomeFiguresDto>;

/// <summary>One labelled count; the label is an enum name the pages translate.</summary>
public sealed record Count(string Label, int Value);

public sealed record OutcomeFiguresDto(
    DateOnly From,
    DateOnly To,
    int ChildrenWorkedWith,
    int ReferralsReceived,
    IReadOnlyList<Count> ReferralsBySource,
    int DuplicatesFound,
    int CasesAllocated,
    double? MedianDaysReferralToAllocation,
    IReadOnlyList<Count> ClosuresByReason,
    int ReturnsToUniversalServices,
    IReadOnlyList<Count> ReturnsByService,
    IReadOnlyList<Count> LaterOffending,
    int FirstTimeEntrants)
{
    /// <summary>The label of the closed cases still in their follow-up window with no offence known yet.</summary>
    public const string InFollowUp = "InFollowUp";
}

public sealed class GetOutcomeFiguresHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetOutcomeFigures, OutcomeFiguresDto>
{
    public async Task<OutcomeFiguresDto> Handle(GetOutcomeFigures request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var from = request.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var cases = db.Cases.AsNoTracking().Where(c => teamIds.Contains(c.TeamId));

        var childrenWorkedWith = await cases.Where(c => c.OpenedAtUtc < to && (c.ClosedAtUtc == null || c.ClosedAtUtc >= from)).Select(c => c.ChildId).Distinct().CountAsync(cancellationToken);

        var referrals = db.Referrals.AsNoTracking().Where(r => teamIds.Contains(r.TeamId) && r.ReceivedAtUtc >= from && r.ReceivedAtUtc < to);
        var bySource = await referrals.GroupBy(r => r.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        // A duplicate found: a referral of the period linked to a child the team already knew (by a person or by itself).
        var duplicates = await referrals.CountAsync(r => db.MatchCandidates.Any(m => m.ReferralId == r.Id && (m.Status == MatchCandidateStatus.Confirmed || m.Status == MatchCandidateStatus.LinkedAutomatically)), cancellationToken);

        // Time from referral to allocation: from the case's first referral to its first allocation, for cases allocated in the period.
        var allocated = await cases.Where(c => c.AllocatedAtUtc >= from && c.AllocatedAtUtc < to)
            .Select(c => new { Allocated = c.AllocatedAtUtc!.Value, Referred = c.FirstReferredAtUtc })
            .ToListAsync(cancellationToken);
        var waits = allocated.Select(a => (a.Allocated - a.Referred).TotalDays).Order().ToList();

        var closed = await cases.Where(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to)
            .Select(c => new { c.ClosureReason, c.ExitServices }).ToListAsync(cancellationToken);
        var services = closed.Where(c => c.ExitServices is not null).SelectMany(c => c.ExitServices!.Split(',')).GroupBy(s => s).Select(g => new Count(g.Key, g.Count()));

        // Later offending and first-time entrants from the dated records (decision 0048); a case still in follow-up with
        // nothing known is counted apart, never as a success.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var split = await OutcomeReading.SplitAsync(db, cases.Where(c => c.ClosedAtUtc >= from && c.ClosedAtUtc < to), today, cancellationToken);
        var entrants = await OutcomeReading.FirstTimeEntrantsAsync(db, cases, request.From, request.To, cancellationToken);

        return new OutcomeFiguresDto(
            request.From,
            request.To,
            childrenWorkedWith,
            bySource.Sum(s => s.Count),
            Enum.GetValues<ReferralSource>().Select(s => new Count(s.ToString(), bySource.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            duplicates,
            waits.Count,
            waits.Count == 0 ? null : Math.Round(waits.Count % 2 == 1 ? waits[waits.Count / 2] : (waits[(waits.Count / 2) - 1] + waits[waits.Count / 2]) / 2, 1),
            Enum.GetValues<ClosureReason>().Select(r => new Count(r.ToString(), closed.Count(c => c.ClosureReason == r))).ToList(),
            closed.Count(c => c.ExitServices is not null),
            services.OrderByDescending(s => s.Value).ToList(),
            [.. Enum.GetValues<LaterOffending>().Select(o => new Count(o.ToString(), split.Values.Count(v => v == o))), new Count(OutcomeFiguresDto.InFollowUp, split.Values.Count(v => v is null))],
            entrants.Count);
    }
}
