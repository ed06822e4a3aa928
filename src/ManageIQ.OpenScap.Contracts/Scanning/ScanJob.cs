namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>One image to scan, whichever backend scans it.</summary>
public sealed record ScanJob
{
    /// <summary>Names the scan in logs and on the scanning pod.</summary>
    public required string JobId { get; init; }

    /// <summary>The image as ManageIQ or the user names it: a registry reference, <c>oci:PATH</c> or <c>docker-archive:PATH</c>.</summary>
    public required string Image { get; init; }

    /// <summary>
    /// The digest ManageIQ knows (from <c>image_ref</c> <c>docker-pullable://…@sha256:…</c> or <c>digest</c>): the
    /// image is pulled by it, and a manifest list or index digest is accepted.
    /// </summary>
    public string? ExpectedDigest { get; init; }

    /// <summary>The image id ManageIQ knows, checked when no digest is known (a tag pulled may have moved).</summary>
    public string? ExpectedImageId { get; init; }

    /// <summary>The ManageIQ container provider whose cluster runs the scan (the <c>kubernetes</c> backend).</summary>
    public string? ProviderId { get; init; }

    public string? ProviderName { get; init; }

    /// <summary>Where the ARF, HTML report and summary are written; created if missing.</summary>
    public required string OutputDirectory { get; init; }

    public bool HtmlReport { get; init; } = true;

    /// <summary>A data stream to use whatever the distribution (<c>--ssg-datastream</c>).</summary>
    public string? DataStream { get; init; }

    /// <summary>A profile instead of the mapped one (<c>--ssg-profile</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>An XCCDF tailoring file (the provider's <c>TailoringFile</c>) merged with the CVE feed's tailoring; <see cref="Profile"/> may name one of its profiles.</summary>
    public string? TailoringFile { get; init; }

    /// <summary>A CVE feed for this scan (<c>--cve-url</c>); wins over every configured feed.</summary>
    public string? CveUrl { get; init; }

    /// <summary>Proxies for this scan instead of the backend's (the provider's image-inspector settings); null for the backend's.</summary>
    public ScanProxy? Proxy { get; init; }

    /// <summary>The scan's time limit; null for the backend's configured one.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>What to pull: <see cref="Image"/> pinned to <see cref="ExpectedDigest"/> when one is known.</summary>
    public string PullSpec => ImagePin.Pin(Image, ExpectedDigest);

    /// <summary>The identity the result must have: the digest, else the image id; null checks nothing.</summary>
    public string? ExpectedIdentity => ExpectedDigest ?? ExpectedImageId;
}
