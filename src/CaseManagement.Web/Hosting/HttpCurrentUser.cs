using System.Security.Claims;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Web.Hosting;

/// <summary>The signed-in user of the current HTTP request, read from the claims of the sign-in.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated ?? false;

    public Guid? UserId => IsAuthenticated && Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string DisplayName => Principal?.FindFirstValue(TeamClaimsPrincipalFactory.DisplayNameClaim) ?? Principal?.Identity?.Name ?? "anonymous";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public IReadOnlyList<Guid> TeamIds =>
        IsAuthenticated
            ? Principal!.FindAll(TeamClaimsPrincipalFactory.TeamClaim)
                .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .ToList()
            : [];

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);
}
