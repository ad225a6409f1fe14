namespace CaseManagement.Domain.Outcomes;

/// <summary>
/// The statutory partners whose senior members sit on a youth justice management board; the Youth Justice Board's
/// indicator counts which of them attended each meeting.
/// </summary>
public enum BoardPartner
{
    Police,
    Probation,
    ChildrensSocialCare,
    Education,
    Health,
}

/// <summary>
/// One meeting of a team's management board and the partners whose senior members attended it (the management board
/// attendance indicator, issue 19). It is the team's, not a child's: an administrator records it, and recording the
/// same day again corrects it in place.
/// </summary>
public sealed class BoardMeeting : Entity
{
    // For EF Core.
    private BoardMeeting()
        : base(Guid.Empty)
    {
    }

    private BoardMeeting(Guid teamId, DateOnly heldOn)
        : base(Guid.NewGuid())
    {
        TeamId = teamId;
        HeldOn = heldOn;
    }

    public Guid TeamId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>The partners whose senior member attended, comma-separated names of <see cref="BoardPartner"/>; null when none did.</summary>
    public string? Attended { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public IReadOnlyList<BoardPartner> AttendedPartners =>
        Attended is null ? [] : Attended.Split(',').Select(Enum.Parse<BoardPartner>).ToList();

    public static BoardMeeting Record(Guid teamId, DateOnly heldOn, IReadOnlyCollection<BoardPartner> attended, DateTime nowUtc, Guid? byUserId)
    {
        var meeting = new BoardMeeting(teamId, heldOn);
        meeting.Correct(attended, nowUtc, byUserId);
        return meeting;
    }

    public void Correct(IReadOnlyCollection<BoardPartner> attended, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(attended);
        if (HeldOn > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The date must be today or in the past.", "HeldOn");
        }

        Attended = attended.Count == 0 ? null : string.Join(",", attended.Distinct().Order());
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }
}
