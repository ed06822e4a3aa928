namespace ManageIQ.OpenScap.Packages.Dpkg;

/// <summary>One paragraph of a dpkg status file: the fields the project reads, and its lines when asked for.</summary>
internal sealed record DpkgStanza(int Line, string? Package, string? Status, string? Version, string? Architecture, string? Source, IReadOnlyList<string> Lines)
{
    /// <summary>True when the Status field's last word is <c>installed</c>, or there is no Status field (distroless status.d).</summary>
    public bool FullyInstalled => Status is null || Status.EndsWith(" installed", StringComparison.Ordinal);

    /// <summary>False for <c>not-installed</c> and <c>config-files</c>: nothing of the package is on disk but its configuration.</summary>
    public bool OnDisk => Status is null || !(Status.EndsWith(" not-installed", StringComparison.Ordinal) || Status.EndsWith(" config-files", StringComparison.Ordinal));
}
