using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Children.Commands;

/// <summary>
/// Two records of the team are the same child: the second's referrals and cases move to the first, and the second is kept,
/// marked as merged, so the merge can be undone. Nothing is deleted.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record MergeChildren(Guid SurvivorChildId, Guid MergedChildId, string Reason) : ICommand<Guid>;

/// <summary>Undoes a merge: exactly the referrals and cases that moved go back, and the record stands on its own again.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UndoMerge(Guid MergeId) : ICommand<Unit>;

public sealed class MergeChildrenValidator : AbstractValidator<MergeChildren>
{
    public MergeChildrenValidator()
    {
        RuleFor(m => m.Reason).NotEmpty().WithMessage("Give the reason these records are the same child.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
        RuleFor(m => m.MergedChildId).NotEqual(m => m.SurvivorChildId).WithMessage("Choose two different records.");
    }
}

public sealed class MergeChildrenHandlers(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<MergeChildren, Guid>, IRequestHandler<UndoMerge, Unit>
{
    public async Task<Guid> Handle(MergeChildren request, CancellationToken cancellationToken)
    {
        var survivor = await TeamChildAsync(request.SurvivorChildId, cancellationToken);
        var merged = await TeamChildAsync(request.MergedChildId, cancellationToken);
        if (survivor.MergedIntoChildId is not null)
        {
            throw new DomainRuleException("The record to keep has itself been merged into another; merge into that one.");
        }

        if (survivor.TeamId != merged.TeamId)
        {
            throw new DomainRuleException("Only records of the same team can be merged.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referrals = await db.Referrals.Where(r => r.ChildId == merged.Id).ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            referral.MoveToChild(survivor.Id);
        }

        foreach (var key in await db.ChildMatchKeys.Where(k => k.ChildId == merged.Id).ToListAsync(cancellationToken))
        {
            key.MoveTo(survivor.Id);
        }

        // The child's cases go with the referrals, so the team's lists and figures count one child once. Two cases
        // open for the same child stay open, both on the survivor, for the team to close the one not needed.
        var cases = await db.Cases.Where(c => c.ChildId == merged.Id).ToListAsync(cancellationToken);
        foreach (var work in cases)
        {
            work.MoveToChild(survivor.Id);
        }

        merged.MergeInto(survivor.Id, now);
        var merge = new ChildMerge(survivor.Id, merged.Id, request.Reason, referrals.Select(r => r.Id), cases.Select(c => c.Id), now, user.UserId);
        db.ChildMerges.Add(merge);
        await db.SaveChangesAsync(cancellationToken);
        return merge.Id;
    }

    public async Task<Unit> Handle(UndoMerge request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var merge = await db.ChildMerges.SingleOrDefaultAsync(m => m.Id == request.MergeId, cancellationToken)
            ?? throw NotFoundException.For("Merge", request.MergeId);
        var merged = await db.Children.SingleOrDefaultAsync(c => c.Id == merge.MergedChildId && teamIds.Contains(c.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Merge", request.MergeId);

        var now = clock.GetUtcNow().UtcDateTime;
        merge.Undo(now, user.UserId);
        var moved = merge.MovedReferrals.ToList();
        foreach (var referral in await db.Referrals.Where(r => moved.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            referral.MoveToChild(merged.Id);
        }

        var movedCases = merge.MovedCases.ToList();
        foreach (var work in await db.Cases.Where(c => movedCases.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            work.MoveToChild(merged.Id);
        }

        var sources = moved.Append(merged.Id).ToList();
        foreach (var key in await db.ChildMatchKeys.Where(k => sources.Contains(k.SourceId)).ToListAsync(cancellationToken))
        {
            key.MoveTo(merged.Id);
        }

        merged.UndoMerge(now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Child> TeamChildAsync(Guid id, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        return await db.Children.SingleOrDefaultAsync(c => c.Id == id && teamIds.Contains(c.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Child", id);
    }
}

/// <summary>A merge of two records, for the list with "undo".</summary>
public sealed record ChildMergeDto(Guid Id, Guid SurvivorChildId, string SurvivorName, Guid MergedChildId, string MergedName, string Reason, DateTime MergedAtUtc, DateTime? UndoneAtUtc, int ReferralsMoved);

/// <summary>The team's merges of child records, newest first.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListChildMerges : IRequest<IReadOnlyList<ChildMergeDto>>;

public sealed class ListChildMergesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListChildMerges, IReadOnlyList<ChildMergeDto>>
{
    public async Task<IReadOnlyList<ChildMergeDto>> Handle(ListChildMerges request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var rows = await db.ChildMerges.AsNoTracking()
            .Join(db.Children, m => m.SurvivorChildId, c => c.Id, (m, s) => new { Merge = m, Survivor = s })
            .Join(db.Children, x => x.Merge.MergedChildId, c => c.Id, (x, merged) => new { x.Merge, x.Survivor, Merged = merged })
            .Where(x => teamIds.Contains(x.Merged.TeamId))
            .OrderByDescending(x => x.Merge.MergedAtUtc)
            .Take(100)
            .Select(x => new { x.Merge, SurvivorName = x.Survivor.GivenName + " " + x.Survivor.FamilyName, MergedName = x.Merged.GivenName + " " + x.Merged.FamilyName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ChildMergeDto(r.Merge.Id, r.Merge.SurvivorChildId, r.SurvivorName, r.Merge.MergedChildId, r.MergedName, r.Merge.Reason, r.Merge.MergedAtUtc, r.Merge.UndoneAtUtc, r.Merge.MovedReferrals.Count)).ToList();
    }
}
