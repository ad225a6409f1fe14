using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Matching;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.Decisions;

/// <summary>The referral is about this known child: link it, and move it on to screening.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ConfirmMatch(Guid ReferralId, Guid ChildId) : ICommand<Unit>;

/// <summary>
/// This known child is not the child the referral is about. Remembered: the child is not proposed again for this
/// referral. When no candidate is left, a new child is registered from the referral.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RejectMatch(Guid ReferralId, Guid ChildId, string? Note = null) : ICommand<Unit>;

/// <summary>None of the candidates is the child: every one is rejected and a new child is registered from the referral.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RegisterAsNewChild(Guid ReferralId, string? Note = null) : ICommand<Unit>;

/// <summary>Undoes a link made in error (by matching or by a person): the referral waits for a duplicate decision again.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UndoLink(Guid ReferralId, string Reason) : ICommand<Unit>;

public sealed class RejectMatchValidator : AbstractValidator<RejectMatch>
{
    public RejectMatchValidator() =>
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer.");
}

public sealed class RegisterAsNewChildValidator : AbstractValidator<RegisterAsNewChild>
{
    public RegisterAsNewChildValidator() =>
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer.");
}

public sealed class UndoLinkValidator : AbstractValidator<UndoLink>
{
    public UndoLinkValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason the link was wrong.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
}

public sealed class DuplicateDecisionHandlers(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ChildMatcher matcher)
    : IRequestHandler<ConfirmMatch, Unit>, IRequestHandler<RejectMatch, Unit>, IRequestHandler<RegisterAsNewChild, Unit>, IRequestHandler<UndoLink, Unit>
{
    private const string AnotherConfirmed = "Another record was confirmed as this child.";

    public async Task<Unit> Handle(ConfirmMatch request, CancellationToken cancellationToken)
    {
        var referral = await AwaitingAsync(request.ReferralId, cancellationToken);
        var candidates = await CandidatesAsync(referral.Id, cancellationToken);
        var chosen = candidates.SingleOrDefault(c => c.ChildId == request.ChildId)
            ?? throw NotFoundException.For("Match candidate", request.ChildId);
        var now = Now;
        chosen.Confirm(now, user.UserId);
        foreach (var other in candidates.Where(c => c != chosen && c.Status == MatchCandidateStatus.Proposed))
        {
            other.Reject(now, user.UserId, AnotherConfirmed);
        }

        referral.LinkToChild(chosen.ChildId, now, user.UserId);
        matcher.Index(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RejectMatch request, CancellationToken cancellationToken)
    {
        var referral = await AwaitingAsync(request.ReferralId, cancellationToken);
        var candidates = await CandidatesAsync(referral.Id, cancellationToken);
        var rejected = candidates.SingleOrDefault(c => c.ChildId == request.ChildId)
            ?? throw NotFoundException.For("Match candidate", request.ChildId);
        var now = Now;
        rejected.Reject(now, user.UserId, request.Note);
        if (candidates.All(c => c.Status == MatchCandidateStatus.Rejected))
        {
            matcher.RegisterNewChild(referral, now, user.UserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RegisterAsNewChild request, CancellationToken cancellationToken)
    {
        var referral = await AwaitingAsync(request.ReferralId, cancellationToken);
        var now = Now;
        foreach (var candidate in (await CandidatesAsync(referral.Id, cancellationToken)).Where(c => c.Status == MatchCandidateStatus.Proposed))
        {
            candidate.Reject(now, user.UserId, request.Note);
        }

        matcher.RegisterNewChild(referral, now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(UndoLink request, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, request.ReferralId, cancellationToken);
        var now = Now;
        var childId = referral.Unlink(now, user.UserId, request.Reason);
        await matcher.RemoveFromIndexAsync(referral.Id, cancellationToken);

        // The child it was linked to is put back for a person to decide, beside anyone else matching now proposes.
        var candidate = await db.MatchCandidates.SingleOrDefaultAsync(c => c.ReferralId == referral.Id && c.ChildId == childId, cancellationToken);
        if (candidate is null)
        {
            var child = await db.Children.SingleAsync(c => c.Id == childId, cancellationToken);
            var result = await matcher.CompareAsync(referral, child, cancellationToken);
            db.MatchCandidates.Add(ChildMatcher.Candidate(referral, new ChildMatch(childId, result with { RightId = childId }), now, linkedAutomatically: false));
        }
        else
        {
            candidate.Reopen();
        }

        await matcher.ProposeAgainAsync(referral, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Referral> AwaitingAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, referralId, cancellationToken);
        return referral.Status == ReferralStatus.AwaitingDuplicateDecision
            ? referral
            : throw new DomainRuleException("This referral is not waiting for a duplicate decision.");
    }

    private Task<List<MatchCandidate>> CandidatesAsync(Guid referralId, CancellationToken cancellationToken) =>
        db.MatchCandidates.Where(c => c.ReferralId == referralId).ToListAsync(cancellationToken);
}
