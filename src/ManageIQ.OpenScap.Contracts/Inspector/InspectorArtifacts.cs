namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>The file names of a scan's results directory (image-inspector's where it had them), on every side.</summary>
public static class InspectorArtifacts
{
    public const string Arf = "results-arf.xml";

    public const string Html = "results.html";

    public const string Summary = "summary.json";

    /// <summary>The OVAL results of a CVE feed the data stream does not reference itself (<c>oval-eval</c> mode).</summary>
    public const string CveOvalResults = "results-cve-oval.xml";

    /// <summary>The metadata document the one-shot mode writes.</summary>
    public const string Metadata = "metadata.json";
}
