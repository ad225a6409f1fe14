using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Queries;

/// <summary>The three parts of a plan and its goals, as the draft or a published version holds them.</summary>
public sealed record PlanPartsDto(
    IReadOnlyList<MyPlanItemDto> WhatIWant,
    IReadOnlyList<MyPlanItemDto> WhoHelpsMe,
    IReadOnlyList<PlanGoalDto> Goals,
    IReadOnlyList<PlanActionDto> Actions,
    IReadOnlyList<ExitSupportDto> Exit)
{
    /// <summary>The parts as the reader may see them: needs only the team may read are left off the goals and actions of a seconded practitioner.</summary>
    public static PlanPartsDto From(PlanContent content, IReadOnlyCollection<AssessedNeedFinding> assessed, bool seesWholeRecord, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        IReadOnlyList<AssessedNeedDto> Needs(IEnumerable<string> codes) => CaseNeeds.Linked(codes, assessed, seesWholeRecord);
        return new PlanPartsDto(
            content.WhatIWant.Select(i => new MyPlanItemDto(i.Id, i.Text)).ToList(),
            content.WhoHelpsMe.Select(i => new MyPlanItemDto(i.Id, i.Text)).ToList(),
            content.Goals.Select(g => new PlanGoalDto(g.Id, g.Description, g.Owner, g.OwnerAgency, g.TargetDate, g.Progress, g.Status, Needs(g.Needs))).ToList(),
            content.Actions.Select(a => new PlanActionDto(
                a.Id, a.What, a.OwnerAgency, a.OwnerPerson, a.DueOn, a.State, a.DroppedReason,
                a.DueOn < today && a.State is PlanActionState.NotStarted or PlanActionState.InProgress, Needs(a.Needs), a.MeetingId)).ToList(),
            content.Exit.Select(e => new ExitSupportDto(e.Id, e.Kind, e.Service, e.Name, e.WhatTheyDo)).ToList());
    }
}

/// <summary>One item of the child's own plan, in the child's words.</summary>
public sealed record MyPlanItemDto(Guid Id, string Text);

/// <summary>A goal of the plan, with its owner, target date, progress and the needs it answers.</summary>
public sealed record PlanGoalDto(Guid Id, string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus Status, IReadOnlyList<AssessedNeedDto> Needs);

/// <summary>An action; <see cref="Overdue"/> when its due date has passed and it is neither done nor dropped.</summary>
public sealed record PlanActionDto(
    Guid Id,
    string What,
    string OwnerAgency,
    string? OwnerPerson,
    DateOnly DueOn,
    PlanActionState State,
    string? DroppedReason,
    bool Overdue,
    IReadOnlyList<AssessedNeedDto> Needs,
    Guid? MeetingId);

/// <summary>A service or person in the exit plan who stays with the child after the case closes.</summary>
public sealed record ExitSupportDto(Guid Id, ExitSupportKind Kind, UniversalService? Service, string? Name, string WhatTheyDo);

/// <summary>A published version of the plan: its number, when and by whom.</summary>
public sealed record PlanVersionSummaryDto(int Number, DateTime PublishedAtUtc, string? PublishedBy);
