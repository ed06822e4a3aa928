namespace ManageIQ.OpenScap.Vex;

/// <summary>The CSAF <c>product_status</c> groups that become OVAL definitions.</summary>
public enum VexPackageStatus
{
    /// <summary><c>fixed</c>: versions before the fixed one are vulnerable.</summary>
    Fixed,

    /// <summary><c>known_affected</c>: every version is vulnerable; there is no fix (yet).</summary>
    KnownAffected,
}
