namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A container image as the API lists it (the columns the bridge asks for).</summary>
public sealed record ContainerImage
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    /// <summary>e.g. <c>docker-pullable://registry/ns/name@sha256:...</c> or <c>docker://sha256:...</c>.</summary>
    public string? ImageRef { get; init; }

    /// <summary>The provider's id.</summary>
    public long? EmsId { get; init; }

    public long? ContainerImageRegistryId { get; init; }

    public ContainerImageRegistry? ContainerImageRegistry { get; init; }

    public string? Type { get; init; }

    public string? Architecture { get; init; }

    public DateTimeOffset? LastScanAttemptOn { get; init; }

    public DateTimeOffset? LastSyncOn { get; init; }

    public DateTimeOffset? RegisteredOn { get; init; }

    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Set when the image was archived (gone from the provider).</summary>
    public DateTimeOffset? DeletedOn { get; init; }

    /// <summary>The pull reference, built as ManageIQ's <c>ContainerImage#full_name</c>.</summary>
    public string PullReference => ContainerImageReference.FullName(this);
}
