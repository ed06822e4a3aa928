namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>The SCAP content for one distribution (an entry of <c>ScapContent:Distributions</c>).</summary>
public sealed class DistributionContent
{
    /// <summary>os-release ID: <c>debian</c>, <c>ubuntu</c>, <c>rhel</c>, <c>centos</c>, ...</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// VERSION_IDs this entry serves; <c>9</c> also matches <c>9.4</c>. Empty matches any version.
    /// </summary>
    public List<string> Versions { get; set; } = [];

    /// <summary>
    /// Data stream file names (looked up in the search directories) or absolute paths; the first found is used. When
    /// none is installed (or none is listed), <see cref="CveFeed"/> is evaluated alone.
    /// </summary>
    public List<string> DataStreams { get; set; } = [];

    /// <summary>The XCCDF profile: a full id or the suffix oscap matches (<c>standard</c>).</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>
    /// The CVE OVAL feed: a URL or a local path (<c>.xml</c>, <c>.xml.bz2</c>, <c>.xml.gz</c>). Null uses the feed
    /// the data stream references itself, if any.
    /// </summary>
    public string? CveFeed { get; set; }

    /// <summary>What <see cref="CveFeed"/> is: OVAL (the default) or CSAF VEX documents converted to OVAL per image.</summary>
    public CveFeedFormat CveFeedFormat { get; set; }

    public override string ToString() => Id + (Versions.Count == 0 ? string.Empty : " " + string.Join('/', Versions));
}
