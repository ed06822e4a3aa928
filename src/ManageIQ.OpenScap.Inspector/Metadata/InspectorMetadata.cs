namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>
/// <c>/api/v1/metadata</c>: image-inspector's field names (ManageIQ reads <c>ImageAcquireError</c>, <c>Id</c>,
/// <c>RepoDigests</c>, <c>OpenSCAP.Status</c> and <c>OpenSCAP.ErrorMessage</c>) plus distribution, content and progress.
/// </summary>
public sealed record InspectorMetadata
{
    public string ImageAcquireError { get; init; } = string.Empty;

    public string Id { get; init; } = string.Empty;

    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    public string? Architecture { get; init; }

    public string? Os { get; init; }

    /// <summary>The image as given to <c>--image</c>.</summary>
    public required string Image { get; init; }

    public required OpenScapMetadata OpenSCAP { get; init; }

    public DistributionMetadata? Distribution { get; init; }

    public ContentMetadata? Content { get; init; }

    public ProgressMetadata? Progress { get; init; }

    /// <summary>The HTML report in serve mode: <c>rendering</c>, <c>ready</c>, or why there is none.</summary>
    public string? HtmlReport { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public TimingsMetadata? Timings { get; init; }
}
