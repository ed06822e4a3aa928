namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The file names written to the results directory (image-inspector's names where it had them).</summary>
public static class ScanArtifacts
{
    public const string Arf = "results-arf.xml";
    public const string Html = "results.html";
    public const string Summary = "summary.json";
    public const string CveOvalResults = "results-cve-oval.xml";
}
