namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>The part of a provider's serialized <c>options</c> the bridge reads.</summary>
public sealed record ContainerProviderOptions
{
    public ImageInspectorOptions? ImageInspectorOptions { get; init; }
}
