using System.Text;

namespace ManageIQ.OpenScap.Demo.Apt;

/// <summary>
/// One suite of one apt archive, as the machine's sources name it: <c>URIs</c>, a suite, its components, its keyring.
/// A flat repository has a suite ending in <c>/</c> and no components.
/// </summary>
public sealed record AptSource(string Uri, string Suite, IReadOnlyList<string> Components)
{
    /// <summary>The keyring file of <c>Signed-By</c>; null: apt's trusted keys.</summary>
    public string? SignedBy { get; init; }

    /// <summary><c>Trusted: yes</c>: no signature is checked (a local test repository).</summary>
    public bool Trusted { get; init; }

    /// <summary>The source as one deb822 stanza, for a private sources directory.</summary>
    public string ToDeb822()
    {
        var text = new StringBuilder();
        text.Append("Types: deb\n").Append("URIs: ").Append(Uri).Append('\n').Append("Suites: ").Append(Suite).Append('\n');
        if (Components.Count > 0)
        {
            text.Append("Components: ").Append(string.Join(' ', Components)).Append('\n');
        }

        if (SignedBy is not null)
        {
            text.Append("Signed-By: ").Append(SignedBy).Append('\n');
        }

        if (Trusted)
        {
            text.Append("Trusted: yes\n");
        }

        return text.ToString();
    }

    /// <summary>The source as one sources.list line, the form mmdebstrap takes its mirrors in.</summary>
    public string ToListLine()
    {
        var options = new List<string>();
        if (SignedBy is not null)
        {
            options.Add("signed-by=" + SignedBy);
        }

        if (Trusted)
        {
            options.Add("trusted=yes");
        }

        var prefix = options.Count == 0 ? "deb " : "deb [" + string.Join(' ', options) + "] ";
        return prefix + Uri + " " + Suite + (Components.Count == 0 ? string.Empty : " " + string.Join(' ', Components));
    }
}
