using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>RFC 1123 labels, as Kubernetes requires for pod names, namespaces and many label values.</summary>
public static partial class DnsLabel
{
    public const int MaxLength = 63;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
