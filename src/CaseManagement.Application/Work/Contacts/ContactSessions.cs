using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Contacts;

/// <summary>
/// The interventions a contact served, set from the contact's side (decision 0037: the link is the intervention's, a row
/// of <c>intervention_sessions</c>, whichever page sets it). Sessions offered and attended are counted from these links.
/// </summary>
internal static class ContactSessions
{
    /// <summary>
    /// Links the contact to the chosen interventions of its case and unlinks it from the others; null leaves the links as
    /// they are (a client that does not send the field loses nothing). A contact moved to a new date hands its links on
    /// to the new planned contact, as it hands on its goals, while the intervention still takes sessions.
    /// </summary>
    public static async Task LinkInterventionsAsync(
        this IApplicationDbContext db, ChildCase onCase, Contact contact, IReadOnlyList<Guid>? interventionIds, Contact? rearranged, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var chosen = interventionIds?.Distinct().ToList();
        var wanted = chosen ?? [];
        var interventions = await db.Interventions.Include(i => i.Sessions)
            .Where(i => i.CaseId == onCase.Id && (wanted.Contains(i.Id) || i.Sessions.Any(s => s.ContactId == contact.Id)))
            .ToListAsync(cancellationToken);
        if (wanted.Any(id => interventions.All(i => i.Id != id)))
        {
            throw new Domain.Common.DomainRuleException("Choose interventions of this child's case.", "InterventionIds");
        }

        foreach (var intervention in interventions)
        {
            var served = chosen?.Contains(intervention.Id) ?? intervention.Sessions.Any(s => s.ContactId == contact.Id);
            if (served)
            {
                intervention.AddSession(onCase, contact, nowUtc);
                if (rearranged is not null && intervention.TakesSessions)
                {
                    intervention.AddSession(onCase, rearranged, nowUtc);
                }
            }
            else
            {
                intervention.RemoveSession(onCase, contact.Id, nowUtc);
            }
        }
    }
}
