using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Audit;
using OpenIddict.Server;

namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>
/// Every answer of the token endpoint goes into the audit trail: a token issued (to which client, with which scopes) or
/// refused (to which client, and why, in OAuth's words). Never the secret, the assertion or the token.
/// </summary>
public sealed class TokenAuditHandler(IAuditTrail audit, IApplicationDbContext db)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public const string EntityType = "PartnerClient";

    public async ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clientId = Truncate(context.Request?.ClientId) ?? "(none)";
        var refused = !string.IsNullOrEmpty(context.Response.Error);
        var reason = refused
            ? $"Token refused: {context.Response.Error} ({Truncate(context.Request?.GrantType) ?? "no grant type"})"
            : $"Token issued for: {context.Response.Scope ?? "no scope"}";
        audit.Record(new AuditRecord(refused ? AuditAction.TokenRefused : AuditAction.TokenIssued, EntityType, clientId, Reason: reason));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    // A client id is whatever the caller sent: kept short, so a refused request cannot write a long text into the trail.
    private static string? Truncate(string? value) => value is null ? null : value.Length <= 100 ? value : value[..100];
}
