using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Queries.ListContacts;

/// <summary>The case's contacts, newest first, optionally of one outcome only, with the next planned contact.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListContacts(Guid CaseId, ContactOutcome? Outcome = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<ContactListDto?>;

/// <summary>A page of the case's contacts, with the next planned contact if there is one.</summary>
public sealed record ContactListDto(Guid CaseId, Guid ChildId, string ChildName, bool CaseIsOpen, ContactSummaryDto? NextContact, PagedList<ContactSummaryDto> Contacts);

public sealed class ListContactsHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListContacts, ContactListDto?>
{
    public async Task<ContactListDto?> Handle(ListContacts request, CancellationToken cancellationToken)
    {
        var onCase = await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.Id == request.CaseId)
            .Select(c => new { c.Id, c.ChildId, c.Status }).SingleOrDefaultAsync(cancellationToken);
        var child = onCase is null ? null : await db.Children.AsNoTracking().Where(c => c.Id == onCase.ChildId)
            .Select(c => new { c.GivenName, c.FamilyName, c.PreferredName }).SingleAsync(cancellationToken);
        if (onCase is null || child is null)
        {
            return null;
        }

        var contacts = db.Contacts.AsNoTracking().Where(c => c.CaseId == onCase.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await contacts.Where(c => c.Outcome == ContactOutcome.Planned && c.StartsAtUtc > now).OrderBy(c => c.StartsAtUtc)
            .Select(ContactSummaryDto.Projection).FirstOrDefaultAsync(cancellationToken);
        var filtered = request.Outcome is { } outcome ? contacts.Where(c => c.Outcome == outcome) : contacts;
        var page = await filtered.OrderByDescending(c => c.StartsAtUtc).ThenByDescending(c => c.RecordedAtUtc)
            .ToPagedListAsync(ContactSummaryDto.Projection, request.Page, request.PageSize, cancellationToken);

        var names = await users.DisplayNamesAsync(cancellationToken);
        ContactSummaryDto Named(ContactSummaryDto c) => c with { RecordedBy = names.GetValueOrDefault(c.RecordedByUserId) };
        audit.Record(new AuditRecord(AuditAction.View, "ChildCase", onCase.Id.ToString(), onCase.ChildId, Reason: "Contacts"));
        await db.SaveChangesAsync(cancellationToken);
        return new ContactListDto(
            onCase.Id, onCase.ChildId, Children.ChildNames.Display(child.GivenName, child.FamilyName, child.PreferredName), onCase.Status != Domain.Cases.CaseStatus.Closed, next is null ? null : Named(next),
            page with { Items = page.Items.Select(Named).ToList() });
    }
}
