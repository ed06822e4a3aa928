using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Images.Manifests;

/// <summary>The parts of an image configuration acquisition needs: its platform fields and its layers' diff_ids.</summary>
internal sealed record ImageConfigDocument : PlatformDescriptor
{
    [JsonPropertyName("rootfs")]
    public RootFsDocument? RootFs { get; init; }
}
