namespace ManageIQ.OpenScap.Images;

/// <summary>
/// Where acquisition time went. Downloads of later layers overlap the unpacking of earlier ones,
/// so <see cref="Pull"/> plus <see cref="Unpack"/> can exceed <see cref="Total"/>.
/// </summary>
public sealed record AcquisitionTimings
{
    /// <summary>Ping, authentication and manifest/config resolution.</summary>
    public TimeSpan Resolve { get; init; }

    /// <summary>Wall time from the first layer request to the last layer verified on disk.</summary>
    public TimeSpan Pull { get; init; }

    /// <summary>Time spent decompressing and writing layers.</summary>
    public TimeSpan Unpack { get; init; }

    public TimeSpan Total { get; init; }
}
