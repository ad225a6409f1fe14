using System.Security.Cryptography;
using CaseManagement.Infrastructure.Audit;
using Microsoft.IdentityModel.Tokens;

namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>The token server's keys: from configuration, or made once in the keys directory for a single instance or the demo.</summary>
internal static class TokenServerKeys
{
    public const string SigningKeyFile = "token-signing.pem";
    public const string EncryptionKeyFile = "token-encryption.key";

    /// <summary>Newest first: OpenIddict signs with the first RSA key it was given and verifies with all of them.</summary>
    public static IReadOnlyList<SecurityKey> SigningKeys(TokenServerOptions options, string keysDirectory)
    {
        var pems = options.SigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (pems.Count == 0)
        {
            pems = [ReadOrCreate(Path.Combine(keysDirectory, SigningKeyFile), () => RSA.Create(2048).ExportRSAPrivateKeyPem())];
        }

        return pems.AsEnumerable().Reverse().Select((pem, i) =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var key = new RsaSecurityKey(rsa);
            key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
            return (SecurityKey)key;
        }).ToList();
    }

    public static SecurityKey EncryptionKey(TokenServerOptions options, string keysDirectory)
    {
        var base64 = string.IsNullOrWhiteSpace(options.EncryptionKey)
            ? ReadOrCreate(Path.Combine(keysDirectory, EncryptionKeyFile), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            : options.EncryptionKey;
        return new SymmetricSecurityKey(Convert.FromBase64String(base64.Trim()));
    }

    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                // Readable by the app's own account alone; CreateNew, so that two instances starting together keep one key.
                using var stream = new FileStream(path, AuditKeys.OwnerOnly(FileMode.CreateNew));
                using var writer = new StreamWriter(stream);
                writer.Write(create());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it first: its key is the one to use.
            }
        }

        return File.ReadAllText(path);
    }
}
