namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>
/// The image-inspector settings of ManageIQ's provider form (<c>options.image_inspector_options</c>). The proxies and
/// <see cref="CveUrl"/> apply to the bridge's scans of that provider; <see cref="Registry"/>, <see cref="Repository"/>
/// and <see cref="ImageTag"/> name ManageIQ's legacy image-inspector image, which this project does not run.
/// </summary>
public sealed record ImageInspectorOptions
{
    public string? HttpProxy { get; init; }

    public string? HttpsProxy { get; init; }

    public string? NoProxy { get; init; }

    public string? CveUrl { get; init; }

    public string? Registry { get; init; }

    public string? Repository { get; init; }

    public string? ImageTag { get; init; }

    /// <summary>Describes the settings without the proxies' values, which may hold credentials.</summary>
    public override string ToString() =>
        $"ImageInspectorOptions {{ HttpProxy = {(HttpProxy is null ? "unset" : "set")}, HttpsProxy = {(HttpsProxy is null ? "unset" : "set")}, NoProxy = {NoProxy}, Registry = {Registry}, Repository = {Repository}, ImageTag = {ImageTag} }}";
}
