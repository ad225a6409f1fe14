using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordBoardMeeting;

/// <summary>
/// Records a meeting of a team's management board and which partners' senior members attended it; recording the same
/// day again corrects it. Answers the meeting's id.
/// </summary>
[Authorize(Roles.Administrator)]
public sealed record RecordBoardMeeting(Guid TeamId, DateOnly? HeldOn, IReadOnlyList<BoardPartner>? Attended) : ICommand<Guid>;

public sealed class RecordBoardMeetingHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordBoardMeeting, Guid>
{
    public async Task<Guid> Handle(RecordBoardMeeting request, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == request.TeamId, cancellationToken))
        {
            throw NotFoundException.For("Team", request.TeamId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var heldOn = request.HeldOn!.Value;
        var attended = request.Attended ?? [];
        var meeting = await db.BoardMeetings.FirstOrDefaultAsync(m => m.TeamId == request.TeamId && m.HeldOn == heldOn, cancellationToken);
        if (meeting is null)
        {
            meeting = BoardMeeting.Record(request.TeamId, heldOn, attended, now, user.UserId);
            db.BoardMeetings.Add(meeting);
        }
        else
        {
            meeting.Correct(attended, now, user.UserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }
}
