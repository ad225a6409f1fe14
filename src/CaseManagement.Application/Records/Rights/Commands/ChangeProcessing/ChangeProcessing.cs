using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Rights.Commands.ChangeProcessing;

/// <summary>
/// Restricts processing of a child's record (the record is kept and read, nothing about the child is added or
/// changed), or lifts the restriction; who and why are kept. For the child's team managers.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ChangeProcessing(Guid ChildId, bool Restrict, string? Reason) : ICommand<Unit>;

public sealed class ChangeProcessingHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeProcessing, Unit>
{
    public async Task<Unit> Handle(ChangeProcessing request, CancellationToken cancellationToken)
    {
        if (!await db.Children.VisibleTo(user).AnyAsync(c => c.Id == request.ChildId, cancellationToken))
        {
            throw NotFoundException.For("Child", request.ChildId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var standing = await db.ProcessingRestrictions.SingleOrDefaultAsync(r => r.ChildId == request.ChildId && r.LiftedAtUtc == null, cancellationToken);
        if (request.Restrict)
        {
            if (standing is not null)
            {
                throw new DomainRuleException("Processing of this child's record is already restricted.");
            }

            db.ProcessingRestrictions.Add(ProcessingRestriction.Place(request.ChildId, request.Reason!, now, user.UserId));
        }
        else
        {
            (standing ?? throw new DomainRuleException("Processing of this child's record is not restricted.")).Lift(request.Reason!, now, user.UserId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
