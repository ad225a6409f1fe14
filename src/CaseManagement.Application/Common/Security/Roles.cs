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

    public static IReadOnlyList<string> All { get; } = [CaseManager, TeamManager, SecondedPractitioner, Referrer, Administrator, Auditor];
}
