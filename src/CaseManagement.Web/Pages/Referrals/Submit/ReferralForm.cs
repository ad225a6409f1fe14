using AppRoles = CaseManagement.Application.Common.Security.Roles;

namespace CaseManagement.Web.Pages.Referrals.Submit;

/// <summary>Who may use the staff referral form's pages. What every form shares lives in <c>Web/Forms</c>.</summary>
public static class ReferralForm
{
    /// <summary>Those who may refer through the pages (partner systems use the API).</summary>
    public const string Roles = AppRoles.CaseManager + "," + AppRoles.TeamManager + "," + AppRoles.SecondedPractitioner + "," + AppRoles.Referrer;
}
