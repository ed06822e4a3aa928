namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>What to do when the CVE feed cannot be had.</summary>
public enum CveFeedPolicy
{
    /// <summary>Scan without it and say so in the result (an air-gapped cluster still gets its compliance scan).</summary>
    Optional,

    /// <summary>Fail the scan, as image-inspector did.</summary>
    Required,

    /// <summary>Never fetch or evaluate a CVE feed.</summary>
    Disabled,
}
