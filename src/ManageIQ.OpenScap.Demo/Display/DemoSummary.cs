namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>What the demo ends with: the table per image, ManageIQ's view of one image, and the notes that explain them.</summary>
public sealed record DemoSummary
{
    public required IReadOnlyList<ResultRow> Rows { get; init; }

    /// <summary>The image whose attributes are shown.</summary>
    public string? AttributesOf { get; init; }

    /// <summary>The request that showed them, as an operator would make it.</summary>
    public string? AttributesRequest { get; init; }

    /// <summary>Its <c>openscap_</c> attributes as ManageIQ's API returned them, in the bridge's order.</summary>
    public IReadOnlyList<(string Name, string Value)> Attributes { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public TimeSpan Took { get; init; }

    /// <summary>The first run's time, when this one reused its work.</summary>
    public TimeSpan? FirstRunTook { get; init; }

    public int ScannedNow { get; init; }
}
