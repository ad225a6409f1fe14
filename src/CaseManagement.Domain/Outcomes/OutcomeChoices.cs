namespace CaseManagement.Domain.Outcomes;

/// <summary>When a set of key performance indicators was recorded: at the start of the team's work, at a review where they changed, at the end.</summary>
public enum KpiStage
{
    Start,
    Review,
    End,
}

/// <summary>Special educational needs or additional learning needs (KPI 3).</summary>
public enum LearningNeedsStatus
{
    NoNeedsIdentified,
    IdentifiedWithoutPlan,
    IdentifiedWithPlan,
}

/// <summary>A need for support with mental health and emotional wellbeing, or with substance use (KPIs 4 and 5).</summary>
public enum SupportNeedStatus
{
    NoNeed,
    NeedIdentified,
    Referred,
    Attending,
}

/// <summary>Links with children's services (KPI 7).</summary>
public enum ChildrensServicesStatus
{
    None,
    ChildInNeed,
    ChildProtection,
    LookedAfter,
    CareLeaver,
}

/// <summary>How far the victims of the behaviour were involved (KPI 9).</summary>
public enum VictimStatus
{
    NoIdentifiedVictim,
    NotContacted,
    Contacted,
    Consented,
    TookPart,
}

/// <summary>The out-of-court outcomes a diversion can follow (KPI 6).</summary>
public enum OutOfCourtOutcome
{
    CommunityResolution,
    YouthRestorativeDisposal,
    Outcome22,
    YouthCaution,
    YouthConditionalCaution,
}

/// <summary>Where a later offence became known to the team.</summary>
public enum LaterOffenceSource
{
    PoliceNationalComputer,
    Police,
    YouthJusticeService,
    Court,
    Other,
}

/// <summary>What the justice system did about a later offence; a caution, conditional caution or conviction makes a first-time entrant.</summary>
public enum LaterOffenceOutcome
{
    NotYetKnown,
    NoFurtherAction,
    InformalOutcome,
    YouthCaution,
    YouthConditionalCaution,
    Conviction,
}

/// <summary>The Welsh Government's ethnic groups (as in its statistics), with "prefers not to say".</summary>
public enum Ethnicity
{
    WhiteWelshEnglishScottishNorthernIrishBritish,
    WhiteIrish,
    WhiteGypsyOrIrishTraveller,
    WhiteRoma,
    WhiteOther,
    MixedWhiteAndBlackCaribbean,
    MixedWhiteAndBlackAfrican,
    MixedWhiteAndAsian,
    MixedOther,
    AsianIndian,
    AsianPakistani,
    AsianBangladeshi,
    AsianChinese,
    AsianOther,
    BlackAfrican,
    BlackCaribbean,
    BlackOther,
    OtherArab,
    OtherEthnicGroup,
    PrefersNotToSay,
}

/// <summary>An answer to a yes-or-no question about a protected characteristic.</summary>
public enum CharacteristicAnswer
{
    Yes,
    No,
    PrefersNotToSay,
}
