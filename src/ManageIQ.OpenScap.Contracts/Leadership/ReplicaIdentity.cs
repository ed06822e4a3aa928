using System.Globalization;
using System.Security.Cryptography;

namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>The identity a replica writes into the Lease or the lock file.</summary>
public static class ReplicaIdentity
{
    /// <summary>Longest identity accepted; the host part of a generated one is cut to fit.</summary>
    public const int MaxLength = 128;

    private const int SuffixLength = 8;

    /// <summary>
    /// <paramref name="configured"/> when set; otherwise the host name (in a pod, the pod's name) and a random suffix,
    /// so two processes on one host, or a pod restarted under the same name, never share an identity.
    /// </summary>
    public static string Create(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var host = Environment.MachineName;
        if (string.IsNullOrWhiteSpace(host))
        {
            host = "bridge";
        }

        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SuffixLength / 2));
        host = host.Length > MaxLength - SuffixLength - 1 ? host[..(MaxLength - SuffixLength - 1)] : host;
        return string.Create(CultureInfo.InvariantCulture, $"{host}-{suffix}");
    }

    /// <summary>Null when <paramref name="identity"/> is acceptable, else why not.</summary>
    public static string? Problem(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        return identity.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "contains white space or control characters" : null;
    }
}
