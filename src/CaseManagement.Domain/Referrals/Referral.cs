using CaseManagement.Domain.Children;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Referrals;

public enum ReferralSource
{
    PoliceNeighbourhoodTeam,
    PoliceOutOfCourtDisposal,
    Mash,
    ChildrensSocialCare,
    Education,
    Health,
    Camhs,
    YouthOffendingService,
    ChildOrFamily,
    Other,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,
}

public enum ReferralStatus
{
    Received,
    AwaitingDuplicateDecision,
    Screening,
    Accepted,
    Signposted,
    Declined,
    LinkedToExistingChild,
}

/// <summary>A request to the team to work with a child.</summary>
public sealed class Referral : Entity
{
    // For EF Core, which sets the properties from the row.
    private Referral()
        : base(Guid.Empty)
    {
        Reference = string.Empty;
        ReferrerName = string.Empty;
        Concerns = string.Empty;
        ChildGivenName = string.Empty;
        ChildFamilyName = string.Empty;
    }

    private Referral(Guid id, string reference, Guid teamId, ReferralSource source, string referrerName, string concerns, ReferralUrgency urgency, PersonDetails child, DateTime receivedAtUtc)
        : base(id)
    {
        Reference = reference;
        TeamId = teamId;
        Source = source;
        ReferrerName = referrerName;
        Concerns = concerns;
        Urgency = urgency;
        ChildGivenName = child.GivenName;
        ChildFamilyName = child.FamilyName;
        ChildPreferredName = child.PreferredName;
        ChildDateOfBirth = child.DateOfBirth;
        ChildSex = child.Sex;
        ChildPostcode = child.Postcode;
        ChildPreferredLanguage = child.PreferredLanguage;
        ReceivedAtUtc = receivedAtUtc;
        Status = ReferralStatus.Received;
    }

    /// <summary>A short reference a person can read out on the phone, such as R-2026-000123.</summary>
    public string Reference { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid? ChildId { get; private set; }

    public ReferralSource Source { get; private set; }

    public string ReferrerName { get; private set; }

    public Guid? ReferrerAgencyId { get; private set; }

    public string? PoliceOccurrenceReference { get; private set; }

    public string Concerns { get; private set; }

    public ReferralUrgency Urgency { get; private set; }

    public ReferralStatus Status { get; private set; }

    public string ChildGivenName { get; private set; }

    public string ChildFamilyName { get; private set; }

    public string? ChildPreferredName { get; private set; }

    public DateOnly ChildDateOfBirth { get; private set; }

    public Sex ChildSex { get; private set; }

    public string? ChildPostcode { get; private set; }

    public PreferredLanguage ChildPreferredLanguage { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>The account that sent the referral (a member of staff or a partner system); null for self-referrals.</summary>
    public Guid? SubmittedByUserId { get; private set; }

    /// <summary>Information shared in confidence (health, sexual harm and the like): only for roles allowed to see it.</summary>
    public string? SensitiveNotes { get; private set; }

    public static Referral Receive(ReferralSubmission submission, string reference, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var referral = new Referral(Guid.NewGuid(), reference, submission.TeamId, submission.Source, submission.ReferrerName.Trim(), submission.Concerns.Trim(), submission.Urgency, submission.Child, nowUtc)
        {
            ReferrerAgencyId = submission.ReferrerAgencyId,
            PoliceOccurrenceReference = string.IsNullOrWhiteSpace(submission.PoliceOccurrenceReference) ? null : submission.PoliceOccurrenceReference.Trim(),
            SubmittedByUserId = submission.SubmittedByUserId,
            SensitiveNotes = string.IsNullOrWhiteSpace(submission.SensitiveNotes) ? null : submission.SensitiveNotes.Trim(),
        };
        referral.Record(new ReferralReceived(nowUtc, referral.Id, referral.Reference, referral.Source));
        return referral;
    }

    /// <summary>Links the referral to a child the team already knows.</summary>
    public void LinkToChild(Guid childId, DateTime nowUtc)
    {
        if (ChildId is not null)
        {
            throw new DomainRuleException("This referral is already linked to a child.");
        }

        ChildId = childId;
        Record(new ReferralLinkedToChild(nowUtc, Id, childId));
    }
}

/// <summary>What a referrer sends: who they are, why they refer, and the child's details.</summary>
public sealed record ReferralSubmission(
    Guid TeamId,
    ReferralSource Source,
    string ReferrerName,
    Guid? ReferrerAgencyId,
    string? PoliceOccurrenceReference,
    string Concerns,
    ReferralUrgency Urgency,
    PersonDetails Child,
    Guid? SubmittedByUserId = null,
    string? SensitiveNotes = null);

public sealed record ReferralReceived(DateTime OccurredAtUtc, Guid ReferralId, string Reference, ReferralSource Source) : DomainEvent(OccurredAtUtc);

public sealed record ReferralLinkedToChild(DateTime OccurredAtUtc, Guid ReferralId, Guid ChildId) : DomainEvent(OccurredAtUtc);
