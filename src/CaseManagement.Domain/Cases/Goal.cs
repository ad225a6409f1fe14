using System.Globalization;
using CaseManagement.Domain.Timeline;
using CaseManagement.Domain.Work;

namespace CaseManagement.Domain.Cases;

/// <summary>Who carries a goal: goals are set with the child and family, and some belong to them.</summary>
public enum GoalOwner
{
    Child,
    Family,
    CaseManager,
    Agency,
}

public enum GoalStatus
{
    Active,
    Achieved,
    PartlyAchieved,
    NotAchieved,
    NoLongerNeeded,
}

/// <summary>A goal of the child's plan, set with the child and family, scored from 0 (not started) to 10 (done).</summary>
public sealed class Goal : Entity
{
    public const int DescriptionMaxLength = 1000;
    public const int AgencyMaxLength = 200;
    public const int MaxProgress = 10;

    // For EF Core.
    private Goal()
        : base(Guid.Empty)
    {
        Description = string.Empty;
    }

    private Goal(Guid caseId, Guid childId, string description, GoalOwner owner, string? ownerAgency, DateOnly? targetDate, DateTime nowUtc, Guid? byUserId)
        : base(Guid.NewGuid())
    {
        CaseId = caseId;
        ChildId = childId;
        Description = description;
        Owner = owner;
        OwnerAgency = ownerAgency;
        TargetDate = targetDate;
        Status = GoalStatus.Active;
        CreatedAtUtc = nowUtc;
        CreatedByUserId = byUserId;
        UpdatedAtUtc = nowUtc;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public string Description { get; private set; }

    public GoalOwner Owner { get; private set; }

    /// <summary>The agency that owns the goal when <see cref="Owner"/> is <see cref="GoalOwner.Agency"/>.</summary>
    public string? OwnerAgency { get; private set; }

    public DateOnly? TargetDate { get; private set; }

    public int Progress { get; private set; }

    public GoalStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The codes of the assessed needs the goal answers (<see cref="AssessedNeed.Join"/>); null for none yet.</summary>
    public string? Needs { get; private set; }

    public IReadOnlyList<AssessedNeed> NeedList => AssessedNeed.Split(Needs);

    public static Goal Set(ChildCase forCase, string description, GoalOwner owner, string? ownerAgency, DateOnly? targetDate, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        forCase.EnsureOpen("A closed case cannot have new goals. Reopen it first.");
        CheckOwner(owner, ownerAgency);
        var goal = new Goal(forCase.Id, forCase.ChildId, description.Trim(), owner, owner == GoalOwner.Agency ? ownerAgency!.Trim() : null, targetDate, nowUtc, byUserId);
        goal.Record(new GoalEvent(nowUtc, goal.CaseId, goal.ChildId, TimelineKind.GoalSet, goal.Id, byUserId));
        return goal;
    }

    public void Change(ChildCase ofCase, string description, GoalOwner owner, string? ownerAgency, DateOnly? targetDate, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ofCase.EnsureOpen("The goals of a closed case cannot be changed. Reopen it first.");
        CheckOwner(owner, ownerAgency);
        Description = description.Trim();
        Owner = owner;
        OwnerAgency = owner == GoalOwner.Agency ? ownerAgency!.Trim() : null;
        TargetDate = targetDate;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Records progress (at a review, or between reviews); the timeline shows the new score.</summary>
    public void RecordProgress(int progress, GoalStatus status, DateTime nowUtc, Guid? byUserId)
    {
        if (progress is < 0 or > MaxProgress)
        {
            throw new DomainRuleException("Progress must be a whole number from 0 to 10.");
        }

        if (progress == Progress && status == Status)
        {
            return;
        }

        Progress = progress;
        Status = status;
        UpdatedAtUtc = nowUtc;
        Record(new GoalEvent(nowUtc, CaseId, ChildId, TimelineKind.GoalUpdated, Id, byUserId, progress.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Says which of the assessment's needs the goal answers (checked with <see cref="CasePlan.NeedsAnswered"/>).</summary>
    public void Answers(ChildCase ofCase, IReadOnlyCollection<AssessedNeed> needs, IReadOnlyCollection<AssessedNeed> assessed, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ofCase.EnsureOpen("The goals of a closed case cannot be changed. Reopen it first.");
        var answered = AssessedNeed.Join(CasePlan.NeedsAnswered(needs, assessed, required: false));
        if (answered != Needs)
        {
            Needs = answered;
            UpdatedAtUtc = nowUtc;
        }
    }

    private static void CheckOwner(GoalOwner owner, string? ownerAgency)
    {
        if (owner == GoalOwner.Agency && string.IsNullOrWhiteSpace(ownerAgency))
        {
            throw new DomainRuleException("Name the agency that owns this goal.");
        }
    }
}

/// <summary>A goal was set or its progress changed: the timeline entry names the goal and its score.</summary>
public sealed record GoalEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, Guid GoalId, Guid? ByUserId, string? Progress = null)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;

    public string? Detail => Progress is null ? GoalId.ToString() : $"{GoalId}:{Progress}";
}
