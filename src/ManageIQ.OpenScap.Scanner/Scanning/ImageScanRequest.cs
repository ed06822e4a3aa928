using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>One image to pull, unpack and scan: the acquisition, and what the scan does with the image.</summary>
public sealed record ImageScanRequest
{
    /// <summary>The image and how to get it; its work directory holds the unpacked root.</summary>
    public required ImageAcquisitionRequest Acquisition { get; init; }

    /// <summary>Holds oscap's working files (<c>oscap/</c>).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Where the artifacts (<see cref="Contracts.Inspector.InspectorArtifacts"/>) are written.</summary>
    public required string ResultsDirectory { get; init; }

    public bool HtmlReport { get; init; }

    public ScapContentOverride ContentOverride { get; init; } = ScapContentOverride.None;

    /// <summary>Overrides the configured <see cref="CveFeedOptions.Policy"/>.</summary>
    public CveFeedPolicy? CveFeedPolicy { get; init; }

    /// <summary>The image as the user wrote it (parsed).</summary>
    public ImageSource Image => Acquisition.Source;

    /// <summary>The acquisition's work directory for a scan working in <paramref name="workDirectory"/>.</summary>
    public static string ImageDirectory(string workDirectory) => Path.Combine(workDirectory, "image");
}
