using CaseManagement.Application.Matching;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;

/// <summary>
/// Corrects a child's details when they are wrong (UK GDPR article 16): the change and its reason are both in the
/// audit trail, so the record shows what it said, what it says now, and why. With <see cref="Evidence"/>, the rest of
/// what matching compares is corrected too (decision 0083); without it, that evidence is kept as held. Two corrections
/// sent at once (a double press) both write the child's new match keys; the loser's save fails on the key and it runs
/// again, finding the winner's correction, so it changes and records nothing.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record CorrectChildDetails(
    Guid ChildId, string? GivenName, string? FamilyName, string? PreferredName, DateOnly? DateOfBirth, string? Postcode, string? Reason,
    ChildEvidenceCorrection? Evidence = null) : ICommand<Unit>, IRunsAgainAfterALostRace;

/// <summary>
/// The evidence about the child matching compares, besides names, date of birth and postcode, as it should be held: it
/// replaces what is held, and a field left blank (or out) is removed.
/// </summary>
/// <param name="HouseNumberOrName">The house number or name of the home address, such as "12" or "Ty Gwyn".</param>
/// <param name="Street">The street of the home address.</param>
/// <param name="Town">The town or village of the home address.</param>
/// <param name="School">The school or college.</param>
/// <param name="ParentOrCarerNames">The parents' or carers' full names, one a person (at most 4).</param>
/// <param name="Email">An e-mail address of the child or of a parent or carer.</param>
/// <param name="Phone">A telephone number of the child or of a parent or carer.</param>
/// <param name="OtherIdentifier">Another service's identifier of the child.</param>
/// <param name="OtherIdentifierIssuer">Who issued it: LocalAuthority, YouthJusticeService, Police, Health, Education or HomeOffice. Required with the identifier.</param>
[Common.Behaviours.SentAsAnObject]
public sealed record ChildEvidenceCorrection(
    string? HouseNumberOrName, string? Street, string? Town, string? School, IReadOnlyList<string>? ParentOrCarerNames,
    string? Email, string? Phone, string? OtherIdentifier, string? OtherIdentifierIssuer);

public sealed class CorrectChildDetailsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, ChildMatcher matcher) : IRequestHandler<CorrectChildDetails, Unit>
{
    public async Task<Unit> Handle(CorrectChildDetails request, CancellationToken cancellationToken)
    {
        var child = await db.Children.VisibleTo(user).SingleOrDefaultAsync(c => c.Id == request.ChildId, cancellationToken)
            ?? throw NotFoundException.For("Child", request.ChildId);
        child.Correct(request.GivenName!, request.FamilyName!, request.PreferredName, request.DateOfBirth!.Value, request.Postcode);
        if (request.Evidence is { } e)
        {
            child.CorrectEvidence(e.HouseNumberOrName, e.Street, e.Town, e.School, e.ParentOrCarerNames, e.Email, e.Phone, e.OtherIdentifier, ReferralEvidence.Issuer(e.OtherIdentifierIssuer));
        }

        // The same correction sent again changes nothing, and records nothing: the trail holds one entry a change.
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.Entries<Child>().Any(c => c.State == EntityState.Modified))
        {
            return Unit.Value;
        }

        // What matching compares has changed: the child's keys are written again at once, so the next referral finds
        // the child by what is held now and no longer by what was wrong.
        await matcher.ReindexAsync(child, cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Update, "Rectification", child.Id.ToString(), child.Id, Reason: request.Reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
