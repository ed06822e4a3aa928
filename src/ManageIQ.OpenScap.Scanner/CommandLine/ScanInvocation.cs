using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Scanner.CommandLine;

/// <summary>What the scan flags bound: the scan, and the configuration the flags set for this run.</summary>
/// <param name="Settings">The scan.</param>
/// <param name="OwnsWorkDirectory">The work directory was made for this run and is removed after it.</param>
/// <param name="ConfigFile">The <c>--config</c> file, if given.</param>
/// <param name="Configuration">Configuration keys set by flags (<c>CveFeeds:Policy</c>, <c>OpenScap:Timeout</c>, ...); they win over every other source.</param>
public sealed record ScanInvocation(ScanSettings Settings, bool OwnsWorkDirectory, string? ConfigFile, IReadOnlyDictionary<string, string?> Configuration)
{
    /// <summary>The digest the image was pinned to (<c>bridge scan --digest</c>); the result must match it.</summary>
    public string? ExpectedDigest { get; init; }

    /// <summary>The oscap time limit asked for, if any.</summary>
    public TimeSpan? Timeout { get; init; }
}
