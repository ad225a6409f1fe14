using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;

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

/// <summary>Whether the child and family agreed to the referral.</summary>
public enum ConsentStatus
{
    ChildAndFamily,
    ChildOnly,
    ParentOrCarerOnly,
    NotGiven,
    NotSought,
}

/// <summary>The UK GDPR basis on which the referrer shares the child's information.</summary>
public enum LawfulBasis
{
    Consent,
    PublicTask,
    LegalObligation,
    VitalInterests,
}

/// <summary>Where a referral is: being taken in, waiting for a person, or decided.</summary>
public enum ReferralStatus
{
    /// <summary>Received and being taken in.</summary>
    Received,

    /// <summary>Waiting for a person to decide whether the child is one the team already knows.</summary>
    AwaitingDuplicateDecision,

    /// <summary>Waiting for the team to screen it.</summary>
    Screening,

    /// <summary>Decided: the team will work with the child (a case is opened).</summary>
    Accepted,

    /// <summary>Decided: the child and family are pointed to another service, named in the outcome reason.</summary>
    Signposted,

    /// <summary>Decided: the team will not work with the child; the outcome reason says why.</summary>
    Declined,

    /// <summary>Decided: accepted and joined to the case the team already has for the child.</summary>
    LinkedToExistingChild,
}

/// <summary>A request to the team to work with a child.</summary>
public sealed class Referral : Entity
{
    private readonly List<ReferralTransition> _transitions = [];

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

    private Referral(Guid id, string reference, ReferralSubmission submission, DateTime receivedAtUtc)
        : base(id)
    {
        var child = submission.Child;
        Reference = reference;
        TeamId = submission.TeamId;
        Source = submission.Source;
        ReferrerName = submission.ReferrerName.Trim();
        ReferrerAgencyId = submission.ReferrerAgencyId;
        ReferrerPhone = Clean(submission.ReferrerPhone);
        ReferrerEmail = Clean(submission.ReferrerEmail);
        PoliceOccurrenceReference = Clean(submission.PoliceOccurrenceReference);
        Concerns = submission.Concerns.Trim();
        Reason = Clean(submission.Reason);
        Urgency = submission.Urgency;
        Consent = submission.Consent;
        LawfulBasis = submission.LawfulBasis;
        ChildGivenName = child.GivenName;
        ChildFamilyName = child.FamilyName;
        ChildPreferredName = child.PreferredName;
        ChildDateOfBirth = child.DateOfBirth;
        ChildSex = child.Sex;
        ChildPostcode = child.Postcode;
        ChildPreferredLanguage = child.PreferredLanguage;
        ChildNhsNumber = Clean(child.NhsNumber);
        ChildUniquePupilNumber = Clean(child.UniquePupilNumber);
        ChildPncId = Clean(child.PncId);
        ChildHouseNumberOrName = Clean(child.HouseNumberOrName);
        ChildStreet = Clean(child.Street);
        ChildTown = Clean(child.Town);
        ChildEmail = Clean(child.Email);
        ChildEmailOwner = ChildEmail is null ? null : child.EmailOwner;
        ChildPhone = Clean(child.Phone);
        ChildPhoneOwner = ChildPhone is null ? null : child.PhoneOwner;
        ChildOtherIdentifier = Clean(child.OtherIdentifier);
        ChildOtherIdentifierIssuer = ChildOtherIdentifier is null ? null : child.OtherIdentifierIssuer;
        ParentOrCarerNames = PersonDetails.JoinNames(child.ParentOrCarerNames);
        ChildAddress = Clean(submission.ChildAddress);
        ChildSchool = Clean(child.School);
        ParentsOrCarers = Clean(submission.ParentsOrCarers);
        SubmittedByUserId = submission.SubmittedByUserId;
        SensitiveNotes = Clean(submission.SensitiveNotes);
        SubmissionKey = Clean(submission.SubmissionKey);
        ReceivedAtUtc = receivedAtUtc;
        Status = ReferralStatus.Received;
    }

    /// <summary>A short reference a person can read out on the phone, such as R-2026-000123.</summary>
    public string Reference { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid? ChildId { get; private set; }

    /// <summary>The case the referral opened or joined when screening accepted it.</summary>
    public Guid? CaseId { get; private set; }

    public ReferralSource Source { get; private set; }

    public string ReferrerName { get; private set; }

    public Guid? ReferrerAgencyId { get; private set; }

    public string? ReferrerPhone { get; private set; }

    public string? ReferrerEmail { get; private set; }

    public string? PoliceOccurrenceReference { get; private set; }

    /// <summary>What is happening for the child, in the referrer's words.</summary>
    public string Concerns { get; private set; }

    /// <summary>Why the referrer refers now, and what they hope the team will do.</summary>
    public string? Reason { get; private set; }

    public ReferralUrgency Urgency { get; private set; }

    public ConsentStatus Consent { get; private set; }

    public LawfulBasis LawfulBasis { get; private set; }

    public ReferralStatus Status { get; private set; }

    public string ChildGivenName { get; private set; }

    public string ChildFamilyName { get; private set; }

    public string? ChildPreferredName { get; private set; }

    public DateOnly ChildDateOfBirth { get; private set; }

    public Sex ChildSex { get; private set; }

    public string? ChildPostcode { get; private set; }

    public PreferredLanguage ChildPreferredLanguage { get; private set; }

    public string? ChildNhsNumber { get; private set; }

    public string? ChildUniquePupilNumber { get; private set; }

    public string? ChildPncId { get; private set; }

    /// <summary>
    /// The lines of the child's home address not held as parts (a flat, a locality), or the whole address as older
    /// senders gave it, lines separated by new lines; the postcode is held apart.
    /// </summary>
    public string? ChildAddress { get; private set; }

    /// <summary>The house number or name of the child's home address.</summary>
    public string? ChildHouseNumberOrName { get; private set; }

    public string? ChildStreet { get; private set; }

    public string? ChildTown { get; private set; }

    /// <summary>An e-mail address of the child or of a parent or carer.</summary>
    public string? ChildEmail { get; private set; }

    /// <summary>A telephone number of the child or of a parent or carer.</summary>
    public string? ChildPhone { get; private set; }

    /// <summary>Whose <see cref="ChildEmail"/> is (decision 0092); null when not said, read as a parent's or carer's.</summary>
    public ContactOwner? ChildEmailOwner { get; private set; }

    /// <summary>Whose <see cref="ChildPhone"/> is; null when not said.</summary>
    public ContactOwner? ChildPhoneOwner { get; private set; }

    /// <summary>Another identifier of the child, issued by <see cref="ChildOtherIdentifierIssuer"/>.</summary>
    public string? ChildOtherIdentifier { get; private set; }

    public IdentifierIssuer? ChildOtherIdentifierIssuer { get; private set; }

    /// <summary>The parents' or carers' names, one a line (<see cref="PersonDetails.SplitNames"/> reads them).</summary>
    public string? ParentOrCarerNames { get; private set; }

    public string? ChildSchool { get; private set; }

    /// <summary>The names of the child's parents or carers, and how they are related to the child.</summary>
    public string? ParentsOrCarers { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>The account that sent the referral (a member of staff or a partner system); null for self-referrals.</summary>
    public Guid? SubmittedByUserId { get; private set; }

    /// <summary>Information shared in confidence (health, sexual harm and the like): only for roles allowed to see it.</summary>
    public string? SensitiveNotes { get; private set; }

    /// <summary>
    /// A key the sender chose for this submission (a form's token, a draft's id): a second submission with the same key
    /// is the same referral, so a retry never creates another.
    /// </summary>
    public string? SubmissionKey { get; private set; }

    /// <summary>Why the referral was signposted or declined, and where the child was signposted to.</summary>
    public string? OutcomeReason { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    /// <summary>Every change of status, oldest first: for the child's timeline.</summary>
    public IReadOnlyList<ReferralTransition> Transitions => _transitions;

    /// <summary>True once screening has decided the referral (accepted, signposted, declined or added to an open case).</summary>
    public bool IsDecided => Status is ReferralStatus.Accepted or ReferralStatus.Signposted or ReferralStatus.Declined or ReferralStatus.LinkedToExistingChild;

    public static Referral Receive(ReferralSubmission submission, string reference, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var referral = new Referral(Guid.NewGuid(), reference, submission, nowUtc);
        referral._transitions.Add(new ReferralTransition(referral.Id, null, ReferralStatus.Received, nowUtc, submission.SubmittedByUserId, null));
        return referral;
    }

    /// <summary>Matching found children who may be this one: a person decides before screening.</summary>
    public void AwaitDuplicateDecision(DateTime nowUtc, Guid? byUserId)
    {
        if (Status != ReferralStatus.Received)
        {
            throw new DomainRuleException("Only a referral just received can wait for a duplicate decision.");
        }

        MoveTo(ReferralStatus.AwaitingDuplicateDecision, nowUtc, byUserId, null);
    }

    /// <summary>
    /// Links the referral to a child (one the team already knows, or one just registered for it) and moves it on to
    /// screening.
    /// </summary>
    public void LinkToChild(Guid childId, DateTime nowUtc, Guid? byUserId = null)
    {
        if (ChildId is not null)
        {
            throw new DomainRuleException("This referral is already linked to a child.");
        }

        if (Status is not (ReferralStatus.Received or ReferralStatus.AwaitingDuplicateDecision))
        {
            throw new DomainRuleException("Only a referral before screening can be linked to a child.");
        }

        ChildId = childId;
        MoveTo(ReferralStatus.Screening, nowUtc, byUserId, null);
    }

    /// <summary>Undoes a link made in error: the referral waits for a duplicate decision again.</summary>
    public Guid Unlink(DateTime nowUtc, Guid? byUserId, string reason)
    {
        if (ChildId is not { } childId)
        {
            throw new DomainRuleException("This referral is not linked to a child.");
        }

        if (Status != ReferralStatus.Screening)
        {
            throw new DomainRuleException("A link can be undone only while the referral is in screening.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ChildId = null;
        MoveTo(ReferralStatus.AwaitingDuplicateDecision, nowUtc, byUserId, reason.Trim());
        return childId;
    }

    /// <summary>Moves the referral to another child's record, when two records of one child are merged (or a merge is undone).</summary>
    public void MoveToChild(Guid childId)
    {
        if (ChildId is null)
        {
            throw new DomainRuleException("Only a referral linked to a child can move to another child's record.");
        }

        ChildId = childId;
    }

    /// <summary>
    /// Screening accepts the referral: the team will work with the child, in the case just opened for it or in the
    /// child's case already open (<paramref name="childAlreadyOpen"/>).
    /// </summary>
    public void Accept(DateTime nowUtc, Guid? byUserId, ChildCase? intoCase, bool childAlreadyOpen)
    {
        EnsureInScreening();
        CaseId = intoCase?.Id;
        intoCase?.ReferralJoined(Source, Urgency, ReceivedAtUtc);
        DecidedAtUtc = nowUtc;
        DecidedByUserId = byUserId;
        MoveTo(childAlreadyOpen ? ReferralStatus.LinkedToExistingChild : ReferralStatus.Accepted, nowUtc, byUserId, null);
    }

    /// <summary>Screening points the child and family to another service instead.</summary>
    public void Signpost(string reason, DateTime nowUtc, Guid? byUserId) => Close(ReferralStatus.Signposted, reason, nowUtc, byUserId);

    /// <summary>Screening declines the referral, with the reason the referrer will be told.</summary>
    public void Decline(string reason, DateTime nowUtc, Guid? byUserId) => Close(ReferralStatus.Declined, reason, nowUtc, byUserId);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Close(ReferralStatus outcome, string reason, DateTime nowUtc, Guid? byUserId)
    {
        EnsureInScreening();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for the decision.");
        }

        OutcomeReason = reason.Trim();
        DecidedAtUtc = nowUtc;
        DecidedByUserId = byUserId;
        MoveTo(outcome, nowUtc, byUserId, OutcomeReason);
    }

    private void EnsureInScreening()
    {
        if (Status != ReferralStatus.Screening || ChildId is null)
        {
            throw new DomainRuleException("Only a referral in screening, linked to a child, can be decided.");
        }
    }

    private void MoveTo(ReferralStatus status, DateTime nowUtc, Guid? byUserId, string? note)
    {
        _transitions.Add(new ReferralTransition(Id, Status, status, nowUtc, byUserId, note));
        Status = status;
    }
}

/// <summary>One change of a referral's status: who, when, from what to what, and why.</summary>
public sealed class ReferralTransition
{
    // For EF Core.
    private ReferralTransition()
    {
    }

    internal ReferralTransition(Guid referralId, ReferralStatus? from, ReferralStatus to, DateTime occurredAtUtc, Guid? byUserId, string? note)
    {
        Id = Guid.NewGuid();
        ReferralId = referralId;
        FromStatus = from;
        ToStatus = to;
        OccurredAtUtc = occurredAtUtc;
        ByUserId = byUserId;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ReferralStatus? FromStatus { get; private set; }

    public ReferralStatus ToStatus { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public Guid? ByUserId { get; private set; }

    public string? Note { get; private set; }
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
    string? SensitiveNotes = null)
{
    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? Reason { get; init; }

    public ConsentStatus Consent { get; init; } = ConsentStatus.ChildAndFamily;

    public LawfulBasis LawfulBasis { get; init; } = LawfulBasis.Consent;

    public string? ChildAddress { get; init; }

    // The child's school is the child's details' own (PersonDetails.School), which matching compares: one source, so a
    // caller cannot give two that disagree (decision 0099).

    public string? ParentsOrCarers { get; init; }

    public string? SubmissionKey { get; init; }
}
