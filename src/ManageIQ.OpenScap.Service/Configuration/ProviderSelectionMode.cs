namespace ManageIQ.OpenScap.Service.Configuration;

/// <summary><c>Bridge:Providers:Mode</c>.</summary>
public enum ProviderSelectionMode
{
    /// <summary>Every OpenShift and Kubernetes provider ManageIQ lists.</summary>
    All,

    /// <summary>Only the providers in <c>Bridge:Providers:Ids</c>.</summary>
    List,

    /// <summary>
    /// The providers that have one of the bridge's profiles assigned (the UI's "Manage Policies"), read at each
    /// discovery: one more request per provider.
    /// </summary>
    Assigned,
}
