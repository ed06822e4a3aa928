namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>The provider class tree the emulator knows, for <c>collection_class</c>.</summary>
internal static class ProviderClasses
{
    public const string Openshift = "ManageIQ::Providers::Openshift::ContainerManager";
    public const string Kubernetes = "ManageIQ::Providers::Kubernetes::ContainerManager";

    /// <summary>The class and its known subclasses, or null when the class is not a provider class.</summary>
    public static IReadOnlySet<string>? DescendantsOf(string klass) => klass switch
    {
        "ExtManagementSystem" or "ManageIQ::Providers::ContainerManager" => new HashSet<string>(StringComparer.Ordinal) { Openshift, Kubernetes },
        Kubernetes => new HashSet<string>(StringComparer.Ordinal) { Openshift, Kubernetes },
        Openshift => new HashSet<string>(StringComparer.Ordinal) { Openshift },
        _ => null,
    };
}
