using CaseManagement.Application.Assessments.Queries;
using CaseManagement.Application.Children;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Assessments;

/// <summary>The team's assessments waiting for a countersignature, oldest first: one reading for the list and its export.</summary>
internal sealed class AwaitingCountersignature(IApplicationDbContext db, ICurrentUser user, IUserDirectory users)
{
    public IQueryable<Assessment> Awaiting()
    {
        var teamIds = user.TeamIds.ToList();
        return db.Assessments.AsNoTracking()
            .Where(a => teamIds.Contains(a.TeamId) && a.Status == AssessmentStatus.Submitted)
            .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id);
    }

    public async Task<List<AwaitingCountersignatureDto>> SummariesAsync(IQueryable<Assessment> assessments, CancellationToken cancellationToken)
    {
        var rows = await assessments
            .Join(db.Children, a => a.ChildId, c => c.Id, (a, c) => new
            {
                a.Id, a.CaseId, a.Number, a.SubmittedAtUtc, a.SubmittedByUserId, a.SeriousHarm, a.Wellbeing,
                Child = new { c.GivenName, c.FamilyName, c.PreferredName },
            })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        return rows.Select(r => new AwaitingCountersignatureDto(
            r.Id, r.CaseId, ChildNames.Display(r.Child.GivenName, r.Child.FamilyName, r.Child.PreferredName), r.Number, r.SubmittedAtUtc!.Value, r.SubmittedByUserId is { } by ? names.GetValueOrDefault(by) : null,
            r.SeriousHarm == ConcernRating.VeryHigh || r.Wellbeing == ConcernRating.VeryHigh)).ToList();
    }
}
