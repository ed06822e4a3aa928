namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>Where a scan's files are, on the machine that holds the report (named by <see cref="Inspector.InspectorArtifacts"/>).</summary>
public sealed record ScanArtifactPaths
{
    public static ScanArtifactPaths None { get; } = new();

    public string? Arf { get; init; }

    public string? Html { get; init; }

    public string? Summary { get; init; }

    /// <summary>The OVAL results of a feed evaluated separately (<c>oval-eval</c> mode).</summary>
    public string? CveOvalResults { get; init; }
}
