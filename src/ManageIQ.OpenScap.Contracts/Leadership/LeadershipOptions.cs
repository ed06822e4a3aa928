namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>The <c>Bridge:Leadership</c> section: how at most one bridge is active at a time.</summary>
public sealed class LeadershipOptions
{
    public const string SectionName = "Bridge:Leadership";

    /// <summary>The Lease's name when <c>Bridge:Leadership:LeaseName</c> is not set.</summary>
    public const string DefaultLeaseName = "manageiq-openscap-bridge";

    /// <summary><c>auto</c> (the default), <c>lease</c> or <c>file</c>: see <see cref="LeadershipSelection"/>.</summary>
    public LeadershipMode Mode { get; set; } = LeadershipMode.Auto;

    /// <summary>
    /// This replica's identity in the Lease or lock file; by default the host name (a pod's name) and a random suffix,
    /// new at every start, so a restarted pod never mistakes its predecessor's hold for its own.
    /// </summary>
    public string? Identity { get; set; }

    /// <summary>The Lease's name (a DNS subdomain); RBAC grants get and update on this name only.</summary>
    public string LeaseName { get; set; } = DefaultLeaseName;

    /// <summary>The Lease's namespace: by default the bridge's own, read from the service account's namespace file.</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// How long a replica waits, after it last saw the Lease change, before it takes the Lease over from a holder
    /// that stopped renewing. Whole seconds: the Lease stores <c>leaseDurationSeconds</c>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the holder may go without a successful renewal before it counts the Lease as lost and stops its work.
    /// Shorter than <see cref="LeaseDuration"/>, so the holder stops before anyone else may start. Also the deadline
    /// of each Lease API call.
    /// </summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the holder renews, and how often a waiting replica tries the Lease or the lock file again.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
