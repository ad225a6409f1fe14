using CaseManagement.Application.Work.Plans;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Meetings.Commands.RecordMeeting;

/// <summary>Someone at (or sending apologies to) the meeting.</summary>
public sealed record MeetingAttendeeFields(string? Name, string? Agency, string? Role, bool SentApologies);

/// <summary>A decision of the meeting: what, which agency (and person) owns it, by when.</summary>
public sealed record MeetingDecisionFields(string? Text, string? OwnerAgency, string? OwnerPerson, DateOnly? DueOn);

/// <summary>
/// Records the minutes of a multi-agency meeting; answers its id. With <see cref="DecisionsBecomeActions"/>, every
/// decision becomes an action of the professionals' plan as the minutes are saved.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordMeeting(
    Guid CaseId,
    DateOnly? HeldOn,
    MeetingKind? Kind,
    IReadOnlyList<MeetingAttendeeFields> Attendees,
    string? ChildView,
    string? FamilyView,
    IReadOnlyList<MeetingDecisionFields> Decisions,
    bool DecisionsBecomeActions) : ICommand<Guid>, IRunsAgainAfterALostRace;

public sealed class RecordMeetingHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordMeeting, Guid>
{
    public Task<Guid> Handle(RecordMeeting request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
        {
            var meeting = MultiAgencyMeeting.Record(
                @case, request.HeldOn!.Value, request.Kind!.Value,
                request.Attendees.Select(a => new MeetingAttendeeInput(a.Name ?? string.Empty, a.Agency ?? string.Empty, a.Role, a.SentApologies)).ToList(),
                request.ChildView, request.FamilyView,
                request.Decisions.Select(d => new MeetingDecisionInput(d.Text ?? string.Empty, d.OwnerAgency ?? string.Empty, d.OwnerPerson, d.DueOn!.Value)).ToList(),
                now, user.UserId);
            db.Meetings.Add(meeting);
            if (request.DecisionsBecomeActions)
            {
                foreach (var decision in meeting.Decisions.OrderBy(d => d.Number))
                {
                    plan.ActOnDecision(@case, meeting, decision.Id, now, user.UserId);
                }
            }

            return meeting.Id;
        }, cancellationToken);
}
