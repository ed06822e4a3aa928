using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>RFC 1123 subdomains, as Kubernetes requires for most object names (Leases among them).</summary>
public static partial class DnsSubdomain
{
    public const int MaxLength = 253;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
