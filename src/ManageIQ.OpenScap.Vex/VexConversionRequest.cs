using ManageIQ.OpenScap.Packages;

namespace ManageIQ.OpenScap.Vex;

/// <summary>One image's conversion of a VEX feed into the OVAL oscap evaluates.</summary>
public sealed record VexConversionRequest
{
    /// <summary>The feed on disk: a <c>.json</c> document, a directory of them, or a tar (plain, gzip, zstd) of them.</summary>
    public required string FeedPath { get; init; }

    /// <summary>
    /// What the feed is, whatever its content today (its configured location): one cached index is kept per key, so
    /// feeds used side by side do not evict each other's. Null: <see cref="FeedPath"/>.
    /// </summary>
    public string? FeedKey { get; init; }

    /// <summary>Where the feed's parsed index is kept between scans (a directory of this process's own), keyed by the feed's content.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>The image's RHEL major version (os-release VERSION_ID's first component).</summary>
    public required string Major { get; init; }

    /// <summary>The image's packages, or null when its RPM database could not be listed (Berkeley DB, ndb).</summary>
    public IReadOnlyList<InstalledPackage>? Packages { get; init; }

    /// <summary>The OVAL definitions file to write.</summary>
    public required string OvalPath { get; init; }
}
