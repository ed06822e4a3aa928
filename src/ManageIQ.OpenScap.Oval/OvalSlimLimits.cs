namespace ManageIQ.OpenScap.Oval;

/// <summary>Bounds on what the slimmer reads from a feed, which comes from the network.</summary>
public sealed record OvalSlimLimits
{
    /// <summary>The largest feed accepted, decompressed. Debian's bookworm feed is about 100 MB of XML.</summary>
    public long MaxInputBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most definitions, tests, objects, states and variables together (the index holds their ids).</summary>
    public int MaxItems { get; init; } = 5_000_000;

    /// <summary>The deepest element nesting, and of criteria within criteria.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The longest id, and package name.</summary>
    public int MaxIdLength { get; init; } = 1024;
}
