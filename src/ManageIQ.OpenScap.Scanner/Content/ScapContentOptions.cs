namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Which SCAP content evaluates which distribution (configuration section <c>ScapContent</c>).</summary>
public sealed class ScapContentOptions
{
    public const string SectionName = "ScapContent";

    /// <summary>Where data stream file names are looked up, in order. Empty: the defaults.</summary>
    public List<string> SearchDirectories { get; set; } = [];

    /// <summary>The distribution map. Empty: <see cref="DefaultDistributionContent.Distributions"/>.</summary>
    public List<DistributionContent> Distributions { get; set; } = [];

    /// <summary>
    /// RHEL major versions (<c>8</c>, <c>9</c>) scanned with Red Hat's CSAF VEX (<see cref="DefaultDistributionContent.RedHatVex"/>)
    /// instead of its OVAL, which is in maintenance mode. RHEL 10 has only VEX. Applies to the map's <c>rhel</c> entries.
    /// </summary>
    public List<string> RhelVexVersions { get; set; } = [];

    // Configuration binding appends to lists, so defaults are applied here rather than in the initialisers.
    public IReadOnlyList<string> EffectiveSearchDirectories =>
        SearchDirectories.Count > 0 ? SearchDirectories : DefaultDistributionContent.SearchDirectories;

    public IReadOnlyList<DistributionContent> EffectiveDistributions =>
        WithRhelVex(Distributions.Count > 0 ? Distributions : DefaultDistributionContent.Distributions);

    private List<DistributionContent> WithRhelVex(IReadOnlyList<DistributionContent> map) =>
        [.. map.Select(e => e.Id != "rhel" || !e.Versions.Intersect(RhelVexVersions, StringComparer.Ordinal).Any() ? e : new DistributionContent
        {
            Id = e.Id,
            Versions = e.Versions,
            DataStreams = e.DataStreams,
            Profile = e.Profile,
            CveFeed = DefaultDistributionContent.RedHatVex,
            CveFeedFormat = CveFeedFormat.CsafVex,
        })];
}
