namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>The waivers in force, from <c>Bridge:Waivers:File</c>.</summary>
public interface IWaiverCatalog
{
    /// <summary>The waivers of the file's last accepted version (none without a file).</summary>
    WaiverSet Current { get; }

    /// <summary>
    /// Takes a changed file (a bad one is refused and logged, naming the line, and the previous version stays), and
    /// logs the waivers that expired since the last call.
    /// </summary>
    WaiverChange Refresh();
}
