using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Testing;

/// <summary>A data-protection key folder per test database: an app restarted on the same database keeps its keys, as a deployment does.</summary>
public static class TestKeys
{
    public static string DirectoryFor(string connectionString)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(connectionString)))[..16];
        return Path.Combine(Path.GetTempPath(), "casemgmt-test-keys", name);
    }
}
