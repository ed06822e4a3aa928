namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>The three shapes of API call, each with its own deadline.</summary>
internal enum KubernetesCallKind
{
    /// <summary>create, get, list, delete, patch: one bounded exchange.</summary>
    Request,

    /// <summary><c>watch=true</c>: open for minutes, alive while events or bookmarks arrive.</summary>
    Watch,

    /// <summary><c>pods/NAME:PORT/proxy/...</c>: the inspector's answer, possibly hundreds of megabytes.</summary>
    Proxy,
}
