namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>The content chosen for an image.</summary>
public sealed record ScapContentSelection
{
    /// <summary>The distribution as detected: os-release ID and VERSION_ID.</summary>
    public required string DistributionId { get; init; }

    public string? DistributionVersion { get; init; }

    /// <summary>The data stream; null when none is installed and the CVE feed is scanned alone (<see cref="FeedOnly"/>).</summary>
    public string? DataStreamPath { get; init; }

    /// <summary>True when there is no data stream: the CVE feed is evaluated alone with <c>oscap oval eval</c>.</summary>
    public bool FeedOnly => DataStreamPath is null;

    /// <summary>The fingerprint's data stream and profile of a feed-only scan.</summary>
    public const string NoDataStream = "none";

    public required string Profile { get; init; }

    /// <summary>The configured CVE feed, or null for the data stream's own reference.</summary>
    public string? CveFeed { get; init; }

    /// <summary>What <see cref="CveFeed"/> is; CSAF VEX is converted to OVAL for the image before oscap runs.</summary>
    public CveFeedFormat CveFeedFormat { get; init; }

    /// <summary>The operator's XCCDF tailoring file, merged with the CVE feed's tailoring; null for none.</summary>
    public string? TailoringFile { get; init; }

    /// <summary>How the entry was found: <c>ID</c>, <c>ID_LIKE x</c> or <c>override</c>.</summary>
    public string MatchedBy { get; init; } = "ID";
}
