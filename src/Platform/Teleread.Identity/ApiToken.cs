using System.Security.Cryptography;
using System.Text;

namespace Teleread.Identity;

/// <summary>
/// Bearer tokens: "tr_" + 32 random bytes (base64url). Only their SHA-256 is stored, so a database
/// leak does not leak usable tokens.
/// </summary>
public static class ApiToken
{
    public const string Prefix = "tr_";

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
