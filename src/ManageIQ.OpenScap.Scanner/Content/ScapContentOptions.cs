namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Which SCAP content evaluates which distribution (configuration section <c>ScapContent</c>).</summary>
public sealed class ScapContentOptions
{
    public const string SectionName = "ScapContent";

    /// <summary>Where data stream file names are looked up, in order. Empty: the defaults.</summary>
    public List<string> SearchDirectories { get; set; } = [];

    /// <summary>The distribution map. Empty: <see cref="DefaultDistributionContent.Distributions"/>.</summary>
    public List<DistributionContent> Distributions { get; set; } = [];

    // Configuration binding appends to lists, so defaults are applied here rather than in the initialisers.
    public IReadOnlyList<string> EffectiveSearchDirectories =>
        SearchDirectories.Count > 0 ? SearchDirectories : DefaultDistributionContent.SearchDirectories;

    public IReadOnlyList<DistributionContent> EffectiveDistributions =>
        Distributions.Count > 0 ? Distributions : DefaultDistributionContent.Distributions;
}
