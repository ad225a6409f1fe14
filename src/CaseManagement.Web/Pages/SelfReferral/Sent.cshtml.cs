using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.SelfReferral;

[AllowAnonymous]
public sealed class SentModel : PageModel
{
    public string? Reference { get; private set; }

    public void OnGet() => Reference = TempData["SelfReferralReference"] as string;
}
