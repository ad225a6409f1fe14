using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.ListBoardMeetings;

/// <summary>A team's management board meetings, latest first, with the partners who attended each.</summary>
[Authorize(Roles.Administrator)]
public sealed record ListBoardMeetings(Guid TeamId) : IRequest<IReadOnlyList<BoardMeetingDto>>;

/// <summary>A management board meeting.</summary>
/// <param name="Id">The meeting's id.</param>
/// <param name="TeamId">The team whose board met.</param>
/// <param name="HeldOn">The day of the meeting.</param>
/// <param name="Attended">The partners whose senior member attended.</param>
public sealed record BoardMeetingDto(Guid Id, Guid TeamId, DateOnly HeldOn, IReadOnlyList<BoardPartner> Attended);

public sealed class ListBoardMeetingsHandler(IApplicationDbContext db) : IRequestHandler<ListBoardMeetings, IReadOnlyList<BoardMeetingDto>>
{
    public async Task<IReadOnlyList<BoardMeetingDto>> Handle(ListBoardMeetings request, CancellationToken cancellationToken)
    {
        var meetings = await db.BoardMeetings.AsNoTracking().Where(m => m.TeamId == request.TeamId).OrderByDescending(m => m.HeldOn).ToListAsync(cancellationToken);
        return meetings.Select(m => new BoardMeetingDto(m.Id, m.TeamId, m.HeldOn, m.AttendedPartners)).ToList();
    }
}
