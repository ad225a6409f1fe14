using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;

/// <summary>
/// Corrects a child's details when they are wrong (UK GDPR article 16): the change and its reason are both in the
/// audit trail, so the record shows what it said, what it says now, and why.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record CorrectChildDetails(Guid ChildId, string? GivenName, string? FamilyName, string? PreferredName, DateOnly? DateOfBirth, string? Postcode, string? Reason) : ICommand<Unit>;

public sealed class CorrectChildDetailsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<CorrectChildDetails, Unit>
{
    public async Task<Unit> Handle(CorrectChildDetails request, CancellationToken cancellationToken)
    {
        var child = await db.Children.VisibleTo(user).SingleOrDefaultAsync(c => c.Id == request.ChildId, cancellationToken)
            ?? throw NotFoundException.For("Child", request.ChildId);
        child.Correct(request.GivenName!, request.FamilyName!, request.PreferredName, request.DateOfBirth!.Value, request.Postcode);
        audit.Record(new AuditRecord(AuditAction.Update, "Rectification", child.Id.ToString(), child.Id, Reason: request.Reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
