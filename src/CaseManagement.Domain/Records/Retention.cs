namespace CaseManagement.Domain.Records;

/// <summary>The kinds of record the retention schedule covers.</summary>
public enum RetentionKind
{
    /// <summary>A child whose cases are all closed, counted from the latest closure.</summary>
    ClosedCase,

    /// <summary>A referral that never became a case (signposted or declined), counted from the decision.</summary>
    ReferralNotTakenOn,
}

/// <summary>
/// How long one kind of record is kept, as an administrator set it: <see cref="YearsAfter"/> years after it ended, or
/// until the child's <see cref="UntilAge"/>th birthday, whichever is later (decision 0051).
/// </summary>
public sealed class RetentionRule
{
    public const int MaxYears = 100;

    private RetentionRule(RetentionKind kind, int yearsAfter, int? untilAge)
    {
        Kind = kind;
        YearsAfter = yearsAfter;
        UntilAge = untilAge;
    }

    public RetentionKind Kind { get; private set; }

    public int YearsAfter { get; private set; }

    public int? UntilAge { get; private set; }

    public DateTime? ChangedAtUtc { get; private set; }

    public Guid? ChangedByUserId { get; private set; }

    /// <summary>
    /// The schedule until an administrator changes it: a closed case until the child is 25 or six years after closure,
    /// whichever is later; a referral that never became a case, two years.
    /// </summary>
    public static RetentionRule DefaultFor(RetentionKind kind) => kind switch
    {
        RetentionKind.ClosedCase => new RetentionRule(kind, 6, 25),
        _ => new RetentionRule(kind, 2, null),
    };

    public void Change(int yearsAfter, int? untilAge, DateTime nowUtc, Guid? byUserId)
    {
        if (yearsAfter is < 0 or > MaxYears || untilAge is < 0 or > MaxYears)
        {
            throw new DomainRuleException("Enter a number of years from 0 to 100.", nameof(YearsAfter));
        }

        (YearsAfter, UntilAge, ChangedAtUtc, ChangedByUserId) = (yearsAfter, untilAge, nowUtc, byUserId);
    }

    /// <summary>The first day the record is no longer needed.</summary>
    public DateOnly DueOn(DateOnly endedOn, DateOnly? dateOfBirth)
    {
        var due = endedOn.AddYears(YearsAfter);
        return UntilAge is { } age && dateOfBirth is { } born && born.AddYears(age) > due ? born.AddYears(age) : due;
    }
}

public enum RetentionState
{
    Due,
    Held,
    Destroyed,
}

/// <summary>
/// A record past its retention date, waiting for a team manager: destroy it, or hold it with a reason (a complaint, a
/// court order, a safeguarding review). Only the record's ids and dates are kept here, never its details.
/// </summary>
public sealed class RetentionReview : Entity
{
    public const int ReasonMaxLength = 1000;

    private RetentionReview(Guid id)
        : base(id)
    {
    }

    public RetentionKind Kind { get; private set; }

    /// <summary>The child's latest closed case, or the referral.</summary>
    public Guid RecordId { get; private set; }

    public Guid? ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTime ListedAtUtc { get; private set; }

    public RetentionState State { get; private set; }

    public string? HoldReason { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public static RetentionReview List(RetentionKind kind, Guid recordId, Guid? childId, Guid teamId, DateOnly dueOn, DateTime nowUtc) =>
        new(Guid.NewGuid()) { Kind = kind, RecordId = recordId, ChildId = childId, TeamId = teamId, DueOn = dueOn, ListedAtUtc = nowUtc, State = RetentionState.Due };

    public void Hold(string reason, DateTime nowUtc, Guid? byUserId)
    {
        if (State == RetentionState.Destroyed)
        {
            throw new DomainRuleException("This record has already been destroyed.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for keeping the record.", "Reason");
        }

        (State, HoldReason, DecidedAtUtc, DecidedByUserId) = (RetentionState.Held, reason.Trim(), nowUtc, byUserId);
    }

    /// <summary>Records the team manager's confirmation; the destruction itself runs in the same transaction.</summary>
    public void ConfirmDestruction(DateTime nowUtc, Guid? byUserId)
    {
        if (State != RetentionState.Due)
        {
            throw new DomainRuleException(State == RetentionState.Held ? "This record is on hold and cannot be destroyed." : "This record has already been destroyed.");
        }

        (State, DecidedAtUtc, DecidedByUserId) = (RetentionState.Destroyed, nowUtc, byUserId);
    }
}
