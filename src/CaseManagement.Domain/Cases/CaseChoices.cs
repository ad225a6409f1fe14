namespace CaseManagement.Domain.Cases;

/// <summary>The kind of work with the child (product.md, "The flow of a case").</summary>
public enum InterventionType
{
    VoluntaryPrevention,
    YouthRestorativeDisposal,
    OutOfCourtDisposal,
    YouthCaution,
    YouthConditionalCaution,
}

/// <summary>The work is voluntary: how far the child and family have taken it up.</summary>
public enum EngagementStatus
{
    Engaged,
    PartlyEngaged,
    Declined,
}

public enum ClosureReason
{
    /// <summary>The plan's goals were met and the child returns to universal services.</summary>
    InterventionCompleted,
    FamilyDeclined,
    ChildDeclined,
    MovedAway,
    TransferredToAnotherService,
    NoLongerNeeded,
}

/// <summary>The universal services an exit plan hands the child back to.</summary>
public enum UniversalService
{
    SchoolYouthEngagementWorker,
    YouthService,
    LeisureAndSport,
    FamiliesFirst,
    CareersWales,
    CommunityGroup,
    HealthServices,
    None,
}

/// <summary>
/// The Cwm Taf split of a closed case, worked out from its dated later offences within the follow-up window (decision
/// 0048): no further offence, an offence of the same or lesser seriousness, or of greater seriousness. Never stored.
/// </summary>
public enum LaterOffending
{
    NoFurtherOffence,
    SameOrLesserSeriousness,
    GreaterSeriousness,
}

/// <summary>
/// The team's priority for allocating a waiting case, set by screening (an urgent referral makes it high) and changed
/// by a case or team manager as they learn more. Stored as its number, so the waiting list can read it in order from
/// an index: high (0) first.
/// </summary>
public enum AllocationPriority
{
    High = 0,
    Normal = 1,
    Low = 2,
}
