namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>An image's registry (<c>container_image_registries</c>): host and optional port.</summary>
public sealed record ContainerImageRegistry
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? Host { get; init; }

    public string? Port { get; init; }

    /// <summary>ManageIQ's <c>full_name</c>: host, plus <c>:port</c> when a port is set.</summary>
    public string FullName => string.IsNullOrEmpty(Port) ? Host ?? string.Empty : $"{Host}:{Port}";
}
