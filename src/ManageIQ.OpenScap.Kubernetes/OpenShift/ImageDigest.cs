using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>The digest an OpenShift Image object is named by.</summary>
public static partial class ImageDigest
{
    /// <summary>Accepts <c>sha256:hex</c> or a pull spec ending in <c>@sha256:hex</c>.</summary>
    /// <exception cref="ArgumentException">No valid sha256 digest in <paramref name="value"/>.</exception>
    public static string Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digest = value[(value.LastIndexOf('@') + 1)..];
        return Pattern().IsMatch(digest)
            ? digest
            : throw new ArgumentException($"'{value}' does not hold an image digest of the form sha256:<64 hex digits>.", nameof(value));
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
