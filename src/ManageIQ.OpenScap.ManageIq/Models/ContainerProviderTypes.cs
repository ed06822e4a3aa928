namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>The provider classes whose images ManageIQ can scan (both define <c>scan_job_create</c>).</summary>
public static class ContainerProviderTypes
{
    public const string Openshift = "ManageIQ::Providers::Openshift::ContainerManager";

    public const string Kubernetes = "ManageIQ::Providers::Kubernetes::ContainerManager";

    public static IReadOnlyList<string> All { get; } = [Openshift, Kubernetes];
}
