using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.Images.Registry;

/// <summary><c>host[:port]</c> as image references and registry settings write it; the port only when one was written.</summary>
internal sealed record RegistryAuthority(string Host, int? Port)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out RegistryAuthority? authority)
    {
        authority = null;
        if (string.IsNullOrWhiteSpace(text) || text.Contains('/', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate("https://" + text + "/", UriKind.Absolute, out var uri))
        {
            return false;
        }

        // Uri hides an explicit default port (":443"); keep what was written.
        var closing = text.LastIndexOf(']');
        var colon = text.LastIndexOf(':');
        var hasPort = colon > closing && (closing >= 0 || text.IndexOf(':', StringComparison.Ordinal) == colon);
        authority = new RegistryAuthority(uri.IdnHost, hasPort ? uri.Port : null);
        return true;
    }

    public bool HostIs(string host) => string.Equals(Host, host, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + (Port is { } port ? ":" + port : string.Empty);
}
