namespace ManageIQ.OpenScap.Images;

/// <summary>Where an image comes from.</summary>
public enum ImageSourceKind
{
    /// <summary>A registry speaking the OCI distribution API (Docker Registry v2).</summary>
    Registry,

    /// <summary>An OCI image layout directory (<c>oci:PATH[:TAG]</c>).</summary>
    OciLayout,

    /// <summary>A <c>docker save</c> archive (<c>docker-archive:PATH[:REFERENCE]</c>).</summary>
    DockerArchive,
}
