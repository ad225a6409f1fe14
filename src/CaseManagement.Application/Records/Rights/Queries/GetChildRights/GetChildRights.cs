using CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Records.Rights.Queries.GetChildRights;

/// <summary>
/// A child's rights over their record on one page: the details as held, the corrections made (what changed, who,
/// when and why, from the audit trail), the restriction of processing (who placed or lifted it and why) and, for the
/// team's managers, the subject access requests. Reading it is a view of the child's record.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetChildRights(Guid ChildId) : IRequest<ChildRightsDto>;

/// <summary>A child's details and what has been done under their rights.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="GivenName">The given name.</param>
/// <param name="FamilyName">The family name.</param>
/// <param name="PreferredName">The name the child goes by, if different.</param>
/// <param name="DateOfBirth">The date of birth.</param>
/// <param name="Postcode">The postcode, if known.</param>
/// <param name="Evidence">The rest of what referrals said about the child that finding their other records uses.</param>
/// <param name="Restrictions">Every restriction of processing, the standing one first.</param>
/// <param name="Corrections">Every correction, newest first.</param>
/// <param name="Requests">The child's subject access requests (team managers only; empty for others).</param>
public sealed record ChildRightsDto(
    Guid ChildId, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Postcode, ChildEvidenceDto Evidence,
    IReadOnlyList<RestrictionDto> Restrictions, IReadOnlyList<CorrectionDto> Corrections, IReadOnlyList<SubjectAccessRequestDto> Requests)
{
    /// <summary>The restriction standing now, if any.</summary>
    public RestrictionDto? Standing => Restrictions.FirstOrDefault(r => r.LiftedAtUtc is null);
}

/// <summary>
/// The evidence referrals gave about the child besides names, date of birth and postcode, as held (normalised at
/// intake): matching compares it, so a person must be able to see it to know it is wrong.
/// </summary>
/// <param name="HouseNumberOrName">The house number or name of the home address.</param>
/// <param name="Street">The street of the home address.</param>
/// <param name="Town">The town or village of the home address.</param>
/// <param name="School">The school or college.</param>
/// <param name="ParentOrCarerNames">The parents' or carers' full names, one a person.</param>
/// <param name="Email">An e-mail address of the child or of a parent or carer.</param>
/// <param name="Phone">A telephone number of the child or of a parent or carer.</param>
/// <param name="OtherIdentifier">Another service's identifier of the child.</param>
/// <param name="OtherIdentifierIssuer">Who issued the other identifier.</param>
/// <param name="EmailOwner">Whose the e-mail address is (Child or ParentOrCarer); null when not said.</param>
/// <param name="PhoneOwner">Whose the telephone number is; null when not said.</param>
public sealed record ChildEvidenceDto(
    string? HouseNumberOrName, string? Street, string? Town, string? School, IReadOnlyList<string> ParentOrCarerNames,
    string? Email, string? Phone, string? OtherIdentifier, IdentifierIssuer? OtherIdentifierIssuer,
    ContactOwner? EmailOwner = null, ContactOwner? PhoneOwner = null);

/// <summary>A restriction of processing, placed and perhaps lifted.</summary>
/// <param name="Reason">Why it was placed.</param>
/// <param name="RestrictedAtUtc">When it was placed.</param>
/// <param name="RestrictedBy">Who placed it.</param>
/// <param name="LiftedAtUtc">When it was lifted; null while it stands.</param>
/// <param name="LiftedBy">Who lifted it.</param>
/// <param name="LiftReason">Why it was lifted.</param>
public sealed record RestrictionDto(string Reason, DateTime RestrictedAtUtc, string? RestrictedBy, DateTime? LiftedAtUtc, string? LiftedBy, string? LiftReason);

/// <summary>A correction of the child's details.</summary>
/// <param name="AtUtc">When it was made.</param>
/// <param name="By">Who made it.</param>
/// <param name="Reason">Why, as given.</param>
/// <param name="Changes">The fields changed, before and after (the audit trail's JSON); null once destroyed.</param>
public sealed record CorrectionDto(DateTime AtUtc, string By, string? Reason, string? Changes);

public sealed class GetChildRightsHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetChildRights, ChildRightsDto>
{
    public async Task<ChildRightsDto> Handle(GetChildRights request, CancellationToken cancellationToken)
    {
        var id = request.ChildId;
        var child = await db.Children.VisibleTo(user).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.GivenName, c.FamilyName, c.PreferredName, c.DateOfBirth, c.Postcode,
                c.HouseNumberOrName, c.Street, c.Town, c.School, c.ParentOrCarerNames, c.Email, c.Phone, c.OtherIdentifier, c.OtherIdentifierIssuer, c.EmailOwner, c.PhoneOwner,
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFoundException.For("Child", id);
        var names = await users.DisplayNamesAsync(cancellationToken);
        string? Name(Guid? userId) => userId is { } known && names.TryGetValue(known, out var name) ? name : null;

        var restrictions = (await db.ProcessingRestrictions.AsNoTracking().Where(r => r.ChildId == id).ToListAsync(cancellationToken))
            .OrderBy(r => r.LiftedAtUtc is not null).ThenByDescending(r => r.RestrictedAtUtc)
            .Select(r => new RestrictionDto(r.Reason, r.RestrictedAtUtc, Name(r.RestrictedByUserId), r.LiftedAtUtc, Name(r.LiftedByUserId), r.LiftReason))
            .ToList();

        // A correction writes two entries in one save (so at one moment): the reason, and the child's changed fields.
        var entries = await db.AuditEntries
            .Where(e => e.ChildId == id && e.Action == AuditAction.Update && (e.EntityType == "Rectification" || e.EntityType == "Child"))
            .Select(e => new { e.EntityType, e.OccurredAtUtc, e.UserName, e.Reason, e.Changes })
            .ToListAsync(cancellationToken);
        var corrections = entries.Where(e => e.EntityType == "Rectification")
            .OrderByDescending(e => e.OccurredAtUtc)
            .Select(e => new CorrectionDto(e.OccurredAtUtc, e.UserName, e.Reason, entries.FirstOrDefault(c => c.EntityType == "Child" && c.OccurredAtUtc == e.OccurredAtUtc)?.Changes))
            .ToList();

        IReadOnlyList<SubjectAccessRequestDto> requests = [];
        if (user.IsInRole(Roles.TeamManager))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            requests = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.ChildId == id)
                .OrderByDescending(r => r.ReceivedOn)
                .Select(r => new SubjectAccessRequestDto(r.Id, r.ChildId, r.ReceivedOn, r.DueOn, r.ReleasedAtUtc, r.ReleasedAtUtc == null && r.DueOn < today))
                .ToListAsync(cancellationToken);
        }

        audit.Record(new AuditRecord(AuditAction.View, "ChildRights", id.ToString(), id));
        await db.SaveChangesAsync(cancellationToken);
        var evidence = new ChildEvidenceDto(
            child.HouseNumberOrName, child.Street, child.Town, child.School, PersonDetails.SplitNames(child.ParentOrCarerNames),
            child.Email, child.Phone, child.OtherIdentifier, child.OtherIdentifierIssuer, child.EmailOwner, child.PhoneOwner);
        return new ChildRightsDto(id, child.GivenName, child.FamilyName, child.PreferredName, child.DateOfBirth, child.Postcode, evidence, restrictions, corrections, requests);
    }
}
