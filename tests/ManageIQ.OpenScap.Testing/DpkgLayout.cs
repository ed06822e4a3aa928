namespace ManageIQ.OpenScap.Testing;

/// <summary>How a synthetic Debian root keeps its dpkg database.</summary>
public enum DpkgLayout
{
    /// <summary><c>var/lib/dpkg/status</c>, as Debian images do.</summary>
    StatusFile,

    /// <summary>Distroless: one control file per package in <c>var/lib/dpkg/status.d/</c> (no Status field), and no status file.</summary>
    StatusDirectory,

    /// <summary>No dpkg database: an empty <c>var/lib/dpkg</c> (a Debian image whose status file was deleted).</summary>
    None,
}
