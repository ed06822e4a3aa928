namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>The SCAP content a scan used.</summary>
public sealed record ContentMetadata
{
    public required string DataStream { get; init; }

    public required string Profile { get; init; }

    public string? EvaluatedProfile { get; init; }

    public string? MatchedBy { get; init; }

    public string? OscapVersion { get; init; }

    public int? OscapExitCode { get; init; }

    /// <summary>The CVE feed: location, mode (local-files / oval-eval), cache state.</summary>
    public string? CveFeed { get; init; }

    public string? CveFeedMode { get; init; }

    public bool? CveFeedFromCache { get; init; }

    public bool? CveFeedStale { get; init; }
}
