using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Children;
using CaseManagement.Application.Work.Contacts.Queries.GetContact;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts.Queries.GetContactForm;

/// <summary>What the contact form offers on a case: its workers, its goals, its interventions planned or started.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetContactForm(Guid CaseId) : IRequest<ContactFormDto?>;

/// <summary>The form's choices; <see cref="RecorderId"/> is who is filling it in, the worker it names unless told otherwise.</summary>
public sealed record ContactFormDto(Guid CaseId, Guid ChildId, string ChildName, bool CaseIsOpen, Guid? RecorderId, IReadOnlyList<PersonRef> Workers, IReadOnlyList<GoalRef> Goals, IReadOnlyList<ContactInterventionDto> Interventions);

public sealed class GetContactFormHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users) : IRequestHandler<GetContactForm, ContactFormDto?>
{
    public async Task<ContactFormDto?> Handle(GetContactForm request, CancellationToken cancellationToken)
    {
        try
        {
            var onCase = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
            var child = await db.Children.AsNoTracking().Where(c => c.Id == onCase.ChildId).Select(c => new { c.GivenName, c.FamilyName, c.PreferredName }).SingleAsync(cancellationToken);
            var goals = await db.Goals.AsNoTracking().Where(g => g.CaseId == onCase.Id).OrderBy(g => g.CreatedAtUtc).Select(g => new GoalRef(g.Id, g.Description)).ToListAsync(cancellationToken);
            var interventions = await ContactInterventionDto.ReadAsync(
                db, db.Interventions.Where(i => i.CaseId == onCase.Id && (i.Status == InterventionStatus.Planned || i.Status == InterventionStatus.Started)), cancellationToken);
            return new ContactFormDto(onCase.Id, onCase.ChildId, ChildNames.Display(child.GivenName, child.FamilyName, child.PreferredName), onCase.IsOpen, user.UserId, await users.WorkersOfAsync(onCase, user, cancellationToken), goals, interventions);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
