namespace ManageIQ.OpenScap.Images;

public enum AcquisitionPhase
{
    /// <summary>Contacting the registry or reading the local source; resolving the manifest for the platform.</summary>
    Resolving,

    /// <summary>Downloading (or verifying) layer <see cref="AcquisitionProgress.LayerIndex"/>.</summary>
    PullingLayer,

    /// <summary>Unpacking layer <see cref="AcquisitionProgress.LayerIndex"/> into the root filesystem.</summary>
    Unpacking,

    /// <summary>The root filesystem is complete.</summary>
    Done,
}
