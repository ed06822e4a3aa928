namespace ManageIQ.OpenScap.Testing;

/// <summary>How a test layer blob is compressed.</summary>
public enum TestLayerCompression
{
    None,
    Gzip,
    Zstd,
}
