namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Command-line overrides of the mapped content.</summary>
/// <param name="DataStream">A data stream path (or file name in the search directories) to use whatever the distribution.</param>
/// <param name="Profile">The profile to evaluate instead of the mapped one.</param>
/// <param name="CveFeed">The CVE feed instead of the mapped one (full location or an image-inspector base URL).</param>
/// <param name="TailoringFile">An XCCDF tailoring file whose profiles may be named by <paramref name="Profile"/> (a provider's <c>TailoringFile</c>).</param>
public sealed record ScapContentOverride(string? DataStream = null, string? Profile = null, string? CveFeed = null, string? TailoringFile = null)
{
    public static ScapContentOverride None { get; } = new();
}
