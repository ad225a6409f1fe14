using System.Security.Cryptography;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Referrals.Commands.SubmitReferral;

/// <summary>A referral of a child to a team, from a member of staff or a partner system.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record SubmitReferral : ICommand<ReferralDto>, IIdempotentCommand, IWritesInOneSave
{
    /// <summary>The team to refer to; may be left out when the sender belongs to exactly one team, or only one team exists.</summary>
    public Guid? TeamId { get; init; }

    public ReferralSource Source { get; init; }

    public string ReferrerName { get; init; } = string.Empty;

    public Guid? ReferrerAgencyId { get; init; }

    /// <summary>A telephone number the team can reach the referrer on.</summary>
    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? PoliceOccurrenceReference { get; init; }

    /// <summary>What is happening for the child.</summary>
    public string Concerns { get; init; } = string.Empty;

    /// <summary>Why refer now, and what the referrer hopes the team will do.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the child and family agreed to the referral.</summary>
    public ConsentStatus? Consent { get; init; }

    /// <summary>The UK GDPR basis for sharing the child's information.</summary>
    public LawfulBasis? LawfulBasis { get; init; }

    public ReferralUrgency Urgency { get; init; }

    public string ChildGivenName { get; init; } = string.Empty;

    public string ChildFamilyName { get; init; } = string.Empty;

    public string? ChildPreferredName { get; init; }

    /// <summary>The date of birth (yyyy-mm-dd); a date before 1900 is refused as not real, as on the page (decision 0083).</summary>
    public DateOnly? ChildDateOfBirth { get; init; }

    public Sex ChildSex { get; init; }

    public string? ChildPostcode { get; init; }

    public PreferredLanguage ChildPreferredLanguage { get; init; }

    /// <summary>The house number or name of the child's home address, such as "12" or "Ty Gwyn".</summary>
    public string? ChildHouseNumberOrName { get; init; }

    /// <summary>The street of the child's home address, such as "Heol y Nant".</summary>
    public string? ChildStreet { get; init; }

    /// <summary>The town or village of the child's home address, such as "Pontypridd".</summary>
    public string? ChildTown { get; init; }

    /// <summary>
    /// Any other lines of the child's home address (a flat, a locality), lines separated by new lines; a sender that
    /// cannot give the parts may put the whole address here. Without the postcode, which has its own field.
    /// </summary>
    public string? ChildAddress { get; init; }

    public string? ChildSchool { get; init; }

    /// <summary>NHS number (ten digits; spaces allowed).</summary>
    public string? ChildNhsNumber { get; init; }

    /// <summary>Unique pupil number (13 characters).</summary>
    public string? ChildUniquePupilNumber { get; init; }

    /// <summary>Police National Computer identifier, such as 12/345678U.</summary>
    public string? ChildPncId { get; init; }

    /// <summary>How the child's parents or carers are related to the child, and anything else about them, in the sender's words.</summary>
    public string? ParentsOrCarers { get; init; }

    /// <summary>The full names of the child's parents or carers, one a person (at most 4), such as ["Sian Pryce", "Gareth Pryce"].</summary>
    public IReadOnlyList<string>? ParentOrCarerNames { get; init; }

    /// <summary>An e-mail address of the child or of a parent or carer, such as "sian.pryce@example.com".</summary>
    public string? ChildEmail { get; init; }

    /// <summary>A telephone number of the child or of a parent or carer, written any usual UK way, such as "07700 900123".</summary>
    public string? ChildPhone { get; init; }

    /// <summary>
    /// Whose <see cref="ChildEmail"/> is: Child (the child's or young person's own) or ParentOrCarer. Left out, it is read
    /// as a parent's or carer's: a contact brothers and sisters may share, so it never on its own says which child.
    /// </summary>
    public string? ChildEmailOwner { get; init; }

    /// <summary>Whose <see cref="ChildPhone"/> is: Child or ParentOrCarer; left out, read as a parent's or carer's.</summary>
    public string? ChildPhoneOwner { get; init; }

    /// <summary>Another identifier of the child (a council's or a service's own number), such as a social care record number.</summary>
    public string? ChildOtherIdentifier { get; init; }

    /// <summary>
    /// Who issued the other identifier: LocalAuthority, YouthJusticeService, Police, Health, Education or HomeOffice.
    /// Required with the identifier.
    /// </summary>
    public string? ChildOtherIdentifierIssuer { get; init; }

    /// <summary>Information shared in confidence (health, sexual harm): shown only to roles allowed to see it.</summary>
    public string? SensitiveNotes { get; init; }

    /// <summary>
    /// Set by the pages (a form's token or a draft's id), not by partner systems, which send an Idempotency-Key header:
    /// a second submission with the same key by the same sender answers with the referral the first one created.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SubmissionKey { get; init; }
}

public sealed class SubmitReferralHandler(IApplicationDbContext db, ICurrentUser currentUser, ReferralIntake intake, IAnswerKeeper answers, Organisation.TeamNames teams)
    : MediatR.IRequestHandler<SubmitReferral, ReferralDto>
{
    // The answer is made from the referral about to be saved, as the database will read it back: no read after the save
    // (decision 0068), and it is kept for the Idempotency-Key in that same save (decision 0075).
    private static readonly Func<Referral, ReferralDto> AsSaved = ReferralDto.Projection.Compile();

    public async Task<ReferralDto> Handle(SubmitReferral request, CancellationToken cancellationToken)
    {
        var submissionKey = ReferralIntake.SubmissionKeyFor(request.SubmissionKey, currentUser.UserId);
        var teamId = request.TeamId
            ?? (currentUser.TeamIds.Count == 1 ? currentUser.TeamIds[0] : await db.Teams.Select(t => t.Id).SingleAsync(cancellationToken));

        // An earlier send with the same key: not looked for when the Idempotency-Key's record was looked up and not found,
        // as the key's record is saved with the referral (decision 0075); the referrals' unique submission key still
        // refuses a second one, and the run again after that lost race looks (decision 0096). The team's name for the
        // answer is kept once read (a team's name never changes).
        var earlier = answers.KeyIsNew ? null : await intake.FindAsync(submissionKey, cancellationToken);
        if (earlier is { } existing)
        {
            return await DtoAsync(existing, cancellationToken);
        }

        var teamName = await teams.NameOfAsync(db, teamId, cancellationToken);
        var child = new PersonDetails(
            request.ChildGivenName.Trim(),
            request.ChildFamilyName.Trim(),
            string.IsNullOrWhiteSpace(request.ChildPreferredName) ? null : request.ChildPreferredName.Trim(),
            request.ChildDateOfBirth!.Value,
            request.ChildSex,
            ReferralIntake.NormalisePostcode(request.ChildPostcode),
            request.ChildPreferredLanguage)
        {
            NhsNumber = PersonIdentifiers.NormaliseNhsNumber(request.ChildNhsNumber),
            UniquePupilNumber = PersonIdentifiers.NormaliseUniquePupilNumber(request.ChildUniquePupilNumber),
            PncId = PersonIdentifiers.NormalisePncId(request.ChildPncId),
            HouseNumberOrName = request.ChildHouseNumberOrName,
            Street = request.ChildStreet,
            Town = request.ChildTown,
            School = request.ChildSchool,
            ParentOrCarerNames = request.ParentOrCarerNames ?? [],
            Email = request.ChildEmail,
            EmailOwner = ReferralEvidence.Owner(request.ChildEmailOwner),
            Phone = request.ChildPhone,
            PhoneOwner = ReferralEvidence.Owner(request.ChildPhoneOwner),
            OtherIdentifier = request.ChildOtherIdentifier,
            OtherIdentifierIssuer = ReferralEvidence.Issuer(request.ChildOtherIdentifierIssuer),
        };
        var submission = new ReferralSubmission(teamId, request.Source, request.ReferrerName, request.ReferrerAgencyId, request.PoliceOccurrenceReference, request.Concerns, request.Urgency, child, currentUser.UserId, request.SensitiveNotes)
        {
            ReferrerPhone = request.ReferrerPhone,
            ReferrerEmail = request.ReferrerEmail,
            Reason = request.Reason,
            Consent = request.Consent ?? ConsentStatus.NotSought,
            LawfulBasis = request.LawfulBasis ?? LawfulBasis.PublicTask,
            ChildAddress = request.ChildAddress,
            ParentsOrCarers = request.ParentsOrCarers,
            SubmissionKey = submissionKey,
        };

        ReferralDto? answer = null;
        await intake.ReceiveAsync(submission, referral => answers.Keep(answer = ReferralDto.ForReader(AsSaved(referral) with { TeamName = teamName }, currentUser)), cancellationToken);
        return answer!;
    }

    /// <summary>
    /// The answer for the sender. Whether the child was already known is not the sender's business: someone outside the
    /// team sees neither the child's record nor a duplicate decision pending.
    /// </summary>
    private async Task<ReferralDto> DtoAsync(Guid id, CancellationToken cancellationToken)
    {
        var dto = await db.Referrals.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(ReferralDto.Projection)
            .SingleAsync(cancellationToken);
        var team = await teams.NameOfAsync(db, dto.TeamId, cancellationToken);
        return ReferralDto.ForReader(dto with { TeamName = team }, currentUser);
    }
}
