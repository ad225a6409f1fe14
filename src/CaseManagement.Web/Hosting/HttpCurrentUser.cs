using System.Security.Claims;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Web.Hosting;

/// <summary>The signed-in user of the current HTTP request, read from the claims of the sign-in.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated ?? false;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public IReadOnlyList<Guid> TeamIds =>
        Principal?.FindAll(TeamClaimsPrincipalFactory.TeamClaim)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList() ?? [];
}
