namespace ManageIQ.OpenScap.Testing;

/// <summary>The manifest flavour a test image is built with.</summary>
public enum TestManifestFormat
{
    /// <summary>OCI image manifest / OCI image index.</summary>
    Oci,

    /// <summary>Docker image manifest schema 2 / Docker manifest list.</summary>
    DockerV2,
}
