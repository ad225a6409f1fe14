namespace CaseManagement.Application.Common.Security;

/// <summary>The roles of the people who use the system (product.md, "Who uses it").</summary>
public static class Roles
{
    public const string CaseManager = "CaseManager";
    public const string TeamManager = "TeamManager";
    public const string SecondedPractitioner = "SecondedPractitioner";
    public const string Referrer = "Referrer";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";

    /// <summary>A partner system (a police or MASH system): it may submit referrals and read the status of its own.</summary>
    public const string PartnerSystem = "PartnerSystem";

    /// <summary>
    /// The system itself, for work nobody asked for at the time (the scheduled jobs). No account can hold it: it is not
    /// in <see cref="All"/>, so it is never created as an Identity role.
    /// </summary>
    public const string System = "System";

    public static IReadOnlyList<string> All { get; } = [CaseManager, TeamManager, SecondedPractitioner, Referrer, Administrator, Auditor, PartnerSystem];

    /// <summary>Roles that work the team's cases: they see the children and referrals of their teams.</summary>
    public static IReadOnlyList<string> TeamCaseRoles { get; } = [CaseManager, TeamManager];

    /// <summary>Roles that may send a referral and follow the ones they sent.</summary>
    public static IReadOnlyList<string> Referring { get; } = [CaseManager, TeamManager, SecondedPractitioner, Referrer, PartnerSystem];
}
