namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// The selection rule, in one place: <c>lease</c> and <c>file</c> are taken as configured; <c>auto</c> is a Lease
/// when the process runs in a cluster (Kubernetes sets <c>KUBERNETES_SERVICE_HOST</c> in every container), the file
/// lock otherwise.
/// </summary>
public static class LeadershipSelection
{
    /// <summary>The variable Kubernetes sets in every container it runs.</summary>
    public const string InClusterVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>The mechanism to use: <see cref="LeadershipMode.Lease"/> or <see cref="LeadershipMode.File"/>, never <see cref="LeadershipMode.Auto"/>.</summary>
    public static LeadershipMode Resolve(LeadershipMode configured, string? kubernetesServiceHost) => configured switch
    {
        LeadershipMode.Lease or LeadershipMode.File => configured,
        LeadershipMode.Auto => string.IsNullOrWhiteSpace(kubernetesServiceHost) ? LeadershipMode.File : LeadershipMode.Lease,
        _ => throw new ArgumentOutOfRangeException(nameof(configured), configured, "Bridge:Leadership:Mode must be auto, lease or file."),
    };

    /// <summary><see cref="Resolve(LeadershipMode, string?)"/> with this process's environment.</summary>
    public static LeadershipMode Resolve(LeadershipMode configured) =>
        Resolve(configured, Environment.GetEnvironmentVariable(InClusterVariable));

    /// <summary>Why <see cref="Resolve(LeadershipMode, string?)"/> chose what it did, for start-up errors and logs.</summary>
    public static string Explain(LeadershipMode configured, LeadershipMode resolved)
    {
        var what = resolved == LeadershipMode.Lease ? "a Kubernetes Lease" : "the file lock in Bridge:StateDirectory";
        return configured == LeadershipMode.Auto
            ? $"Bridge:Leadership:Mode is auto and {InClusterVariable} is {(resolved == LeadershipMode.Lease ? "set" : "not set")}: {what}"
            : $"Bridge:Leadership:Mode is {Name(configured)}: {what}";
    }

    /// <summary>The configuration value of a mode, lower case.</summary>
    public static string Name(LeadershipMode mode) => mode switch
    {
        LeadershipMode.Auto => "auto",
        LeadershipMode.Lease => "lease",
        LeadershipMode.File => "file",
        _ => mode.ToString(),
    };
}
