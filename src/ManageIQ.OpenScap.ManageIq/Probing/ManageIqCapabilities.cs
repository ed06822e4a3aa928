namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>
/// What the bridge is configured to do in ManageIQ; each capability needs its own product features
/// (<see cref="ManageIqFeatures"/>). The caller of the probe says which are on.
/// </summary>
[Flags]
public enum ManageIqCapabilities
{
    None = 0,

    /// <summary>Discovering providers and images and publishing results as custom attributes. Always on for scanning.</summary>
    Scanning = 1,

    /// <summary>Asking ManageIQ to check an image's compliance after its results are published.</summary>
    ComplianceCheck = 2,

    /// <summary>Registering the bridge's Control conditions, policies and policy profiles.</summary>
    PolicyRegistration = 4,

    /// <summary>Assigning (and unassigning) the bridge's policy profiles to container providers.</summary>
    PolicyAssignment = 8,

    /// <summary>Scanning only the providers that have one of the bridge's policy profiles assigned.</summary>
    AssignedProviders = 16,

    All = Scanning | ComplianceCheck | PolicyRegistration | PolicyAssignment | AssignedProviders,
}
