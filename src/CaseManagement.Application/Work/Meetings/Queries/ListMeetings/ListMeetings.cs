using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Meetings.Queries.ListMeetings;

/// <summary>The case's multi-agency meetings, newest first, with who came and what was decided; null when the user may not see the case.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListMeetings(Guid CaseId) : IRequest<MeetingsDto?>;

/// <summary>The case's multi-agency meetings, newest first.</summary>
public sealed record MeetingsDto(WorkCase Case, IReadOnlyList<MeetingDto> Meetings);

/// <summary>One multi-agency meeting, with who came and what was decided.</summary>
public sealed record MeetingDto(
    Guid Id,
    DateOnly HeldOn,
    MeetingKind Kind,
    string? ChildView,
    string? FamilyView,
    string? RecordedBy,
    IReadOnlyList<MeetingAttendeeDto> Attendees,
    IReadOnlyList<MeetingDecisionDto> Decisions);

/// <summary>Someone invited to a multi-agency meeting, and whether they sent apologies instead of coming.</summary>
public sealed record MeetingAttendeeDto(string Name, string Agency, string? Role, bool SentApologies);

/// <summary>A decision; <see cref="ActionId"/> names the plan action it became, if it has.</summary>
public sealed record MeetingDecisionDto(Guid Id, string Text, string OwnerAgency, string? OwnerPerson, DateOnly DueOn, Guid? ActionId);

public sealed class ListMeetingsHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit) : IRequestHandler<ListMeetings, MeetingsDto?>
{
    public async Task<MeetingsDto?> Handle(ListMeetings request, CancellationToken cancellationToken)
    {
        var found = await db.WorkCaseAsync(user, audit, request.CaseId, "Meetings", cancellationToken);
        if (found is null)
        {
            return null;
        }

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Decisions)
            .Where(m => m.CaseId == found.Id).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.RecordedAtUtc).ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        return new MeetingsDto(found, meetings.Select(m => new MeetingDto(
            m.Id, m.HeldOn, m.Kind, m.ChildView, m.FamilyView, m.RecordedByUserId is { } by ? names.GetValueOrDefault(by) : null,
            m.Attendees.OrderBy(a => a.Number).Select(a => new MeetingAttendeeDto(a.Name, a.Agency, a.Role, a.SentApologies)).ToList(),
            m.Decisions.OrderBy(d => d.Number).Select(d => new MeetingDecisionDto(d.Id, d.Text, d.OwnerAgency, d.OwnerPerson, d.DueOn, d.ActionId)).ToList())).ToList());
    }
}
