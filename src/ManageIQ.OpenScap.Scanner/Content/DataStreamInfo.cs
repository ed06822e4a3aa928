using System.Xml.Linq;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>What the scanner needs to know about an SCAP source data stream.</summary>
public sealed record DataStreamInfo
{
    public required string Path { get; init; }

    public IReadOnlyList<RemoteCheck> RemoteChecks { get; init; } = [];

    /// <summary>XCCDF 1.2 profiles by id, as elements (for tailoring).</summary>
    public IReadOnlyDictionary<string, XElement> Profiles { get; init; } = new Dictionary<string, XElement>();

    /// <summary>Finds a profile by full id or by the suffix oscap accepts (<c>standard</c> → <c>..._profile_standard</c>).</summary>
    public string? ResolveProfileId(string profile)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        if (Profiles.ContainsKey(profile))
        {
            return profile;
        }

        var matches = Profiles.Keys.Where(id => id.EndsWith("_" + profile, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
