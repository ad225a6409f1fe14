using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.SubmitSelfReferral;

/// <summary>Who is asking for help on the public form.</summary>
public enum SelfReferrerRelationship
{
    TheChild,
    ParentOrCarer,
    OtherFamilyMember,
}

/// <summary>
/// A child or family asks for help, without signing in. The answer is only the referral's reference: nothing about
/// whether the child is known to the team, or anything else in the system, is revealed.
/// </summary>
[AllowAnonymous]
public sealed record SubmitSelfReferral : ICommand<string>, IIdempotentCommand
{
    /// <summary>A token the form was given when it was shown: sending the form again with it creates nothing new.</summary>
    public string FormToken { get; init; } = string.Empty;

    public Guid? TeamId { get; init; }

    public SelfReferrerRelationship? Relationship { get; init; }

    public string YourName { get; init; } = string.Empty;

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string ChildGivenName { get; init; } = string.Empty;

    public string ChildFamilyName { get; init; } = string.Empty;

    public DateOnly ChildDateOfBirth { get; init; }

    public string? ChildPostcode { get; init; }

    public PreferredLanguage ChildPreferredLanguage { get; init; }

    public string Concerns { get; init; } = string.Empty;

    /// <summary>The child (and, for a child under 16, a parent or carer) agree to the team contacting them.</summary>
    public bool Agreed { get; init; }

    /// <summary>Check the answers and keep nothing; the answer is then an empty reference.</summary>
    public bool CheckOnly { get; init; }
}

public sealed class SubmitSelfReferralHandler(IApplicationDbContext db, ReferralIntake intake) : IRequestHandler<SubmitSelfReferral, string>
{
    public async Task<string> Handle(SubmitSelfReferral request, CancellationToken cancellationToken)
    {
        if (request.CheckOnly)
        {
            return string.Empty;
        }

        var key = ReferralIntake.SubmissionKeyFor(request.FormToken, null);
        if (await intake.FindAsync(key, cancellationToken) is { } existing)
        {
            return await db.Referrals.Where(r => r.Id == existing).Select(r => r.Reference).SingleAsync(cancellationToken);
        }

        var teamId = request.TeamId ?? await db.Teams.Select(t => t.Id).SingleAsync(cancellationToken);
        // The child's or a parent's own contact details are evidence of who the child is (issue 18); another relative's are not.
        var ownDetails = request.Relationship is SelfReferrerRelationship.TheChild or SelfReferrerRelationship.ParentOrCarer;
        var child = new PersonDetails(request.ChildGivenName.Trim(), request.ChildFamilyName.Trim(), null, request.ChildDateOfBirth, Sex.NotKnown, ReferralIntake.NormalisePostcode(request.ChildPostcode), request.ChildPreferredLanguage)
        {
            Email = ownDetails ? request.Email : null,
            Phone = ownDetails ? request.Phone : null,

            // Who is asking says whose the contact details are (decision 0092): the young person's own, or the home's.
            EmailOwner = Whose(request.Relationship),
            PhoneOwner = Whose(request.Relationship),
            ParentOrCarerNames = request.Relationship == SelfReferrerRelationship.ParentOrCarer ? [request.YourName] : [],
        };
        var submission = new ReferralSubmission(teamId, ReferralSource.ChildOrFamily, request.YourName, null, null, request.Concerns, ReferralUrgency.Routine, child)
        {
            ReferrerPhone = request.Phone,
            ReferrerEmail = request.Email,
            Reason = request.Relationship switch
            {
                SelfReferrerRelationship.TheChild => "The young person asked for help themselves.",
                SelfReferrerRelationship.ParentOrCarer => "A parent or carer asked for help.",
                _ => "A family member asked for help.",
            },
            Consent = ConsentStatus.ChildAndFamily,
            LawfulBasis = LawfulBasis.Consent,
            SubmissionKey = key,
        };
        var referral = await intake.ReceiveAsync(submission, null, cancellationToken);
        return referral.Reference;
    }

    private static ContactOwner? Whose(SelfReferrerRelationship? relationship) => relationship switch
    {
        SelfReferrerRelationship.TheChild => ContactOwner.Child,
        SelfReferrerRelationship.ParentOrCarer => ContactOwner.ParentOrCarer,
        _ => null,
    };
}
