using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands;

/// <summary>
/// Allocates the case to a case manager of its team (or moves it to another): the first allocation takes the case
/// off the waiting list and sets the first review, on the date given or at the team's interval.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AllocateCase(Guid CaseId, Guid CaseManagerUserId, DateOnly? FirstReviewDue = null) : ICommand<Unit>;

/// <summary>Adds a seconded practitioner to the case, saying what they bring.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AddCasePractitioner(Guid CaseId, Guid UserId, string Contribution) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RemoveCasePractitioner(Guid CaseId, Guid UserId) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ChangeCaseDetails(Guid CaseId, InterventionType InterventionType, bool EnhancedCaseManagement) : ICommand<Unit>;

/// <summary>Records how far the child and family have taken up the (voluntary) work, as of a date.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordEngagement(Guid CaseId, EngagementStatus Status, DateOnly On) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetNextReview(Guid CaseId, DateOnly Due) : ICommand<Unit>;

/// <summary>Sets the team's priority for allocating a case on the waiting list.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetCasePriority(Guid CaseId, AllocationPriority Priority) : ICommand<Unit>;

/// <summary>Closes the case with a reason and the exit plan: the universal services the child returns to.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record CloseCase(Guid CaseId, ClosureReason Reason, DateOnly ClosedOn, IReadOnlyList<UniversalService> ExitServices, string? ExitPlan) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ReopenCase(Guid CaseId) : ICommand<Unit>;

public sealed class AllocateCaseValidator : AbstractValidator<AllocateCase>
{
    public AllocateCaseValidator() =>
        RuleFor(c => c.CaseManagerUserId).NotEmpty().WithMessage("Choose the case manager.");
}

public sealed class AddCasePractitionerValidator : AbstractValidator<AddCasePractitioner>
{
    public AddCasePractitionerValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Choose the practitioner.");
        RuleFor(c => c.Contribution).NotEmpty().WithMessage("Say what the practitioner brings to the case.")
            .MaximumLength(CaseMember.ContributionMaxLength).WithMessage("What the practitioner brings must be 200 characters or fewer.");
    }
}

public sealed class ChangeCaseDetailsValidator : AbstractValidator<ChangeCaseDetails>
{
    public ChangeCaseDetailsValidator() =>
        RuleFor(c => c.InterventionType).IsInEnum().WithMessage("Choose the type of intervention.");
}

public sealed class RecordEngagementValidator : AbstractValidator<RecordEngagement>
{
    public RecordEngagementValidator()
    {
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose how the child and family are engaging.");
        RuleFor(c => c.On).NotEmpty().WithMessage("Enter the date.");
    }
}

public sealed class SetCasePriorityValidator : AbstractValidator<SetCasePriority>
{
    public SetCasePriorityValidator() =>
        RuleFor(c => c.Priority).IsInEnum().WithMessage("Choose the priority for allocation.");
}

public sealed class SetNextReviewValidator : AbstractValidator<SetNextReview>
{
    public SetNextReviewValidator() =>
        RuleFor(c => c.Due).NotEmpty().WithMessage("Enter the date of the next review.");
}

public sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    public CloseCaseValidator()
    {
        RuleFor(c => c.Reason).IsInEnum().WithMessage("Choose why the case is closing.");
        RuleFor(c => c.ClosedOn).NotEmpty().WithMessage("Enter the date the case closed.");
        RuleFor(c => c.ExitServices).NotNull().WithMessage("Choose the services the child returns to.");
        RuleForEach(c => c.ExitServices).IsInEnum().WithMessage("Choose the services the child returns to.");
        RuleFor(c => c.ExitServices).Must(s => s is not { Count: > 1 } || !s.Contains(UniversalService.None))
            .WithMessage("Choose \"none\" on its own, or the services the child returns to.");
        RuleFor(c => c.ExitServices).Must(s => s is { Count: > 0 } && !s.SequenceEqual([UniversalService.None]))
            .When(c => c.Reason == ClosureReason.InterventionCompleted)
            .WithMessage("When the work is complete, choose the services the child returns to.");
        RuleFor(c => c.ExitPlan).NotEmpty().When(c => c.Reason == ClosureReason.InterventionCompleted)
            .WithMessage("Describe the exit plan: who the child and family will see, and how.");
        RuleFor(c => c.ExitPlan).MaximumLength(ChildCase.TextMaxLength).WithMessage("The exit plan must be 4000 characters or fewer.");
    }
}

public sealed class CaseCommandHandlers(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock)
    : IRequestHandler<AllocateCase, Unit>, IRequestHandler<AddCasePractitioner, Unit>, IRequestHandler<RemoveCasePractitioner, Unit>,
      IRequestHandler<ChangeCaseDetails, Unit>, IRequestHandler<RecordEngagement, Unit>, IRequestHandler<SetNextReview, Unit>, IRequestHandler<SetCasePriority, Unit>,
      IRequestHandler<CloseCase, Unit>, IRequestHandler<ReopenCase, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(AllocateCase request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var manager = await users.FindAsync(request.CaseManagerUserId, cancellationToken);
        if (manager is null || manager.IsDisabled || !manager.TeamIds.Contains(@case.TeamId) || !Roles.TeamCaseRoles.Any(manager.Roles.Contains))
        {
            throw new DomainRuleException("Choose a case manager of the child's team.");
        }

        var interval = await db.Teams.Where(t => t.Id == @case.TeamId).Select(t => t.ReviewIntervalDays).SingleAsync(cancellationToken);
        @case.Allocate(request.CaseManagerUserId, Now, user.UserId, request.FirstReviewDue, interval);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(AddCasePractitioner request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var practitioner = await users.FindAsync(request.UserId, cancellationToken);
        if (practitioner is null || practitioner.IsDisabled || !practitioner.Roles.Contains(Roles.SecondedPractitioner))
        {
            throw new DomainRuleException("Choose a seconded practitioner.");
        }

        @case.AddPractitioner(request.UserId, request.Contribution, Now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public Task<Unit> Handle(RemoveCasePractitioner request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.RemovePractitioner(request.UserId, Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(ChangeCaseDetails request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.ChangeDetails(request.InterventionType, request.EnhancedCaseManagement, Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(RecordEngagement request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.RecordEngagement(request.Status, request.On, Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(SetNextReview request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.SetNextReview(request.Due, Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(SetCasePriority request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.SetPriority(request.Priority, Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(CloseCase request, CancellationToken cancellationToken) =>
        ChangeAsync(request.CaseId, c => c.Close(request.Reason, request.ClosedOn, request.ExitServices.Where(s => s != UniversalService.None).ToList(), request.ExitPlan, Now, user.UserId), cancellationToken);

    public async Task<Unit> Handle(ReopenCase request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        if (await db.Cases.AnyAsync(c => c.ChildId == @case.ChildId && c.TeamId == @case.TeamId && c.Id != @case.Id && c.Status != CaseStatus.Closed, cancellationToken))
        {
            throw new DomainRuleException("The child already has an open case with the team.");
        }

        var interval = await db.Teams.Where(t => t.Id == @case.TeamId).Select(t => t.ReviewIntervalDays).SingleAsync(cancellationToken);
        @case.Reopen(Now, user.UserId, interval);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Unit> ChangeAsync(Guid caseId, Action<ChildCase> change, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, caseId, cancellationToken);
        change(@case);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
