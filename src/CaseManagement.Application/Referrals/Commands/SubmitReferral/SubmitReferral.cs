using System.Security.Cryptography;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.SubmitReferral;

/// <summary>A referral of a child to a team, from a member of staff or a partner system.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record SubmitReferral : ICommand<ReferralDto>
{
    /// <summary>The team to refer to; may be left out when the sender belongs to exactly one team, or only one team exists.</summary>
    public Guid? TeamId { get; init; }

    public ReferralSource Source { get; init; }

    public string ReferrerName { get; init; } = string.Empty;

    public Guid? ReferrerAgencyId { get; init; }

    public string? PoliceOccurrenceReference { get; init; }

    public string Concerns { get; init; } = string.Empty;

    public ReferralUrgency Urgency { get; init; }

    public string ChildGivenName { get; init; } = string.Empty;

    public string ChildFamilyName { get; init; } = string.Empty;

    public string? ChildPreferredName { get; init; }

    public DateOnly ChildDateOfBirth { get; init; }

    public Sex ChildSex { get; init; }

    public string? ChildPostcode { get; init; }

    public PreferredLanguage ChildPreferredLanguage { get; init; }

    /// <summary>Information shared in confidence (health, sexual harm): shown only to roles allowed to see it.</summary>
    public string? SensitiveNotes { get; init; }
}

public sealed class SubmitReferralHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock, AutoMapper.IMapper mapper)
    : MediatR.IRequestHandler<SubmitReferral, ReferralDto>
{
    // Letters and digits that cannot be mistaken for one another when read out on the phone.
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<ReferralDto> Handle(SubmitReferral request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var teamId = request.TeamId
            ?? (currentUser.TeamIds.Count == 1 ? currentUser.TeamIds[0] : await db.Teams.Select(t => t.Id).SingleAsync(cancellationToken));
        var child = new PersonDetails(
            request.ChildGivenName.Trim(),
            request.ChildFamilyName.Trim(),
            string.IsNullOrWhiteSpace(request.ChildPreferredName) ? null : request.ChildPreferredName.Trim(),
            request.ChildDateOfBirth,
            request.ChildSex,
            NormalisePostcode(request.ChildPostcode),
            request.ChildPreferredLanguage);
        var submission = new ReferralSubmission(teamId, request.Source, request.ReferrerName, request.ReferrerAgencyId, request.PoliceOccurrenceReference, request.Concerns, request.Urgency, child, currentUser.UserId, request.SensitiveNotes);

        var referral = Referral.Receive(submission, NewReference(now), now);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);

        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var dto = mapper.Map<ReferralDto>(referral);
        return dto with { TeamName = team, ChildId = null };
    }

    internal static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    private static string NewReference(DateTime now)
    {
        Span<char> suffix = stackalloc char[6];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        }

        return $"R-{now:yyMMdd}-{suffix}";
    }
}
