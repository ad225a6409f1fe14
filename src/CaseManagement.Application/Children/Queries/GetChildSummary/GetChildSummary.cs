namespace CaseManagement.Application.Children.Queries.GetChildSummary;

/// <summary>One child of the user's teams, as a list shows it; null when the user may not know of the child.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetChildSummary(Guid Id) : IRequest<ChildSummaryDto?>;

public sealed class GetChildSummaryHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetChildSummary, ChildSummaryDto?>
{
    public async Task<ChildSummaryDto?> Handle(GetChildSummary request, CancellationToken cancellationToken)
    {
        var child = await db.Children.VisibleTo(user).Where(c => c.Id == request.Id && c.MergedIntoChildId == null).Select(ChildSummaryDto.Projection)
            .SingleOrDefaultAsync(cancellationToken);
        if (child is not null)
        {
            audit.Record(new Domain.Audit.AuditRecord(Domain.Audit.AuditAction.View, "Child", child.Id.ToString(), child.Id));
            await db.SaveChangesAsync(cancellationToken);
        }

        return child;
    }
}
