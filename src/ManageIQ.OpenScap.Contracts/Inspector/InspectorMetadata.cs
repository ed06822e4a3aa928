using ManageIQ.OpenScap.Contracts.Scanning;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>
/// <c>/api/v1/metadata</c> and <c>metadata.json</c>: image-inspector's field names (ManageIQ reads
/// <c>ImageAcquireError</c>, <c>Id</c>, <c>RepoDigests</c>, <c>OpenSCAP.Status</c> and <c>OpenSCAP.ErrorMessage</c>),
/// the progress, and the finished scan's <see cref="ScanReport"/> (its summary is served apart, at
/// <see cref="InspectorPaths.Summary"/>).
/// </summary>
public sealed record InspectorMetadata
{
    public string ImageAcquireError { get; init; } = string.Empty;

    public string Id { get; init; } = string.Empty;

    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    public string? Architecture { get; init; }

    public string? Os { get; init; }

    /// <summary>The image as given to <c>--image</c> (image-inspector's own document has none).</summary>
    public string Image { get; init; } = string.Empty;

    public OpenScapMetadata OpenSCAP { get; init; } = new();

    public ProgressMetadata? Progress { get; init; }

    /// <summary>The HTML report in serve mode: <c>rendering</c>, <c>ready</c>, or why there is none.</summary>
    public string? HtmlReport { get; init; }

    /// <summary>The report once the scan has finished, without its summary; artifact paths are the inspector's.</summary>
    public ScanReport? Report { get; init; }
}
