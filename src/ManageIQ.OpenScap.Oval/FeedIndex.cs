namespace ManageIQ.OpenScap.Oval;

/// <summary>What the first pass over a feed keeps: ids, criteria trees and references, never the text of the items.</summary>
internal sealed class FeedIndex
{
    /// <summary>Each definition's criteria tree; null for a definition without criteria (deprecated ones may have none).</summary>
    public Dictionary<string, CriteriaNode?> Definitions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PackageTest> PackageTests { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PackageObject> PackageObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Every test, object, state and variable, with the ids it references.</summary>
    public Dictionary<string, string[]> References { get; } = new(StringComparer.Ordinal);
}
