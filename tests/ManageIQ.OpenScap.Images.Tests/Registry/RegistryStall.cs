namespace ManageIQ.OpenScap.Images.Tests.Registry;

/// <summary>How <see cref="FakeRegistry"/> stops answering.</summary>
public enum RegistryStall
{
    None,

    /// <summary>The manifest's headers arrive, its body never does.</summary>
    ManifestBody,

    /// <summary>The token's headers arrive, its body never does.</summary>
    TokenBody,

    /// <summary>Half of the largest layer arrives, then nothing.</summary>
    LayerBody,
}
