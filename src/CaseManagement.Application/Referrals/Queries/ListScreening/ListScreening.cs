using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.ListScreening;

/// <summary>
/// The team's referrals that wait for a person: a duplicate decision, or screening. Urgent first, then the longest
/// waiting, so nobody waits unseen.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListScreening(ReferralStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<ScreeningItemDto>>;

/// <summary>A referral in the screening queue.</summary>
public sealed record ScreeningItemDto
{
    public Guid Id { get; init; }

    public string Reference { get; init; } = string.Empty;

    public string ChildName { get; init; } = string.Empty;

    public DateOnly ChildDateOfBirth { get; init; }

    /// <summary>The child's age today, in whole years.</summary>
    public int ChildAge { get; init; }

    public ReferralSource Source { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public ReferralStatus Status { get; init; }

    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>Whole days since the referral arrived.</summary>
    public int DaysWaiting { get; init; }

    /// <summary>How many known children a person still has to decide about.</summary>
    public int OpenCandidates { get; init; }
}

public sealed class ListScreeningHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListScreening, PagedList<ScreeningItemDto>>
{
    public async Task<PagedList<ScreeningItemDto>> Handle(ListScreening request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var query = db.Referrals.Where(r => teamIds.Contains(r.TeamId));
        query = request.Status is { } status
            ? query.Where(r => r.Status == status)
            : query.Where(r => r.Status == ReferralStatus.AwaitingDuplicateDecision || r.Status == ReferralStatus.Screening);

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(r => r.Urgency == ReferralUrgency.Urgent).ThenBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(r => new
            {
                r.Id, r.Reference, r.ChildGivenName, r.ChildFamilyName, r.ChildDateOfBirth, r.Source, r.Urgency, r.Status, r.ReceivedAtUtc,
                Open = db.MatchCandidates.Count(c => c.ReferralId == r.Id && c.Status == MatchCandidateStatus.Proposed),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var items = rows.Select(r => new ScreeningItemDto
        {
            Id = r.Id,
            Reference = r.Reference,
            ChildName = $"{r.ChildGivenName} {r.ChildFamilyName}",
            ChildDateOfBirth = r.ChildDateOfBirth,
            ChildAge = Domain.Children.PersonDetails.AgeOn(r.ChildDateOfBirth, today),
            Source = r.Source,
            Urgency = r.Urgency,
            Status = r.Status,
            ReceivedAtUtc = r.ReceivedAtUtc,
            DaysWaiting = (int)(now - r.ReceivedAtUtc).TotalDays,
            OpenCandidates = r.Open,
        }).ToList();
        return new PagedList<ScreeningItemDto>(items, request.Page, request.PageSize, total);
    }
}
