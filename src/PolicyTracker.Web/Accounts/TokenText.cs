using System.Security.Cryptography;
using System.Text;

namespace PolicyTracker.Web.Accounts;

/// <summary>Makes random secrets and the hashes stored in their place.</summary>
public static class TokenText
{
    /// <summary>A new random secret with a recognisable prefix, e.g. <c>pt_…</c>.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A 16-character first or reset password that meets the password rules (letters and digits).</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyz23456789"; // no look-alikes such as l and 1
        while (true)
        {
            var password = new string(RandomNumberGenerator.GetItems<char>(alphabet, 16));
            if (password.Any(char.IsDigit) && password.Any(char.IsLetter)) return password;
        }
    }
}
