namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>The token server's settings (<c>Authentication:TokenServer</c>; docs/decisions/0044).</summary>
public sealed class TokenServerOptions
{
    public const string SectionName = "Authentication:TokenServer";

    /// <summary>How long a client-credentials access token lasts: short, as a partner asks for a new one as often as it likes.</summary>
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>
    /// RSA private keys in PEM, oldest first: the last signs new tokens and every one verifies them, so a new key is added
    /// at the end and the oldest removed once the tokens it signed have run out. When empty, one is made at first start in
    /// the data-protection keys directory (<c>token-signing.pem</c>), which suits one instance or instances sharing that folder.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// Base64 of 32 random bytes that encrypt the server's own tokens (not the access tokens, which are signed only, so a
    /// partner may read them); made at first start in the keys directory when empty (<c>token-encryption.key</c>).
    /// </summary>
    public string? EncryptionKey { get; set; }
}
