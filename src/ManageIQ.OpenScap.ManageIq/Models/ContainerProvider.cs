using System.Diagnostics.CodeAnalysis;

namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A container provider (<c>ext_management_systems</c> row) of a type that can scan images.</summary>
public sealed record ContainerProvider
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>The Ruby class, e.g. <see cref="ContainerProviderTypes.Openshift"/>.</summary>
    public string Type { get; init; } = string.Empty;

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "ManageIQ's column is named guid.")]
    public string? Guid { get; init; }

    public long? ZoneId { get; init; }

    public bool? Enabled { get; init; }

    public DateTimeOffset? LastRefreshDate { get; init; }

    public string? LastRefreshError { get; init; }

    /// <summary>The provider form's settings; null when ManageIQ sent none.</summary>
    public ContainerProviderOptions? Options { get; init; }

    public bool IsOpenshift => Type == ContainerProviderTypes.Openshift;

    public bool IsKubernetes => Type == ContainerProviderTypes.Kubernetes;
}
