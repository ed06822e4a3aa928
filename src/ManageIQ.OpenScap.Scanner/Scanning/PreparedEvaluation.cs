namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>What oscap is run with, and what preparing it found out.</summary>
/// <param name="Profile">The profile to evaluate (a tailored one when the CVE feed's rules were added).</param>
/// <param name="TailoringFile">The tailoring file that defines a tailored <paramref name="Profile"/>.</param>
/// <param name="LocalFilesDirectory">oscap's <c>--local-files</c>, holding the feed under the name the data stream references.</param>
/// <param name="SeparateOvalFeed">A feed the data stream does not reference, evaluated on its own.</param>
/// <param name="Feed">The feed used, if any.</param>
/// <param name="Notes">What people should know (a feed missing or stale).</param>
internal sealed record PreparedEvaluation(string Profile, string? TailoringFile, string? LocalFilesDirectory, string? SeparateOvalFeed, CveFeedUse? Feed, IReadOnlyList<string> Notes)
{
    /// <summary>The operator's tailoring file's digest (<c>sha256:…</c>), in or as <see cref="TailoringFile"/>.</summary>
    public string? TailoringContent { get; init; }

    /// <summary>How many of the feed's definitions the slimmed feed holds; null when the feed was not slimmed.</summary>
    public Contracts.Scanning.CveFeedDefinitions? FeedDefinitions { get; init; }

    public static PreparedEvaluation WithoutFeed(string profile, params string[] notes) => new(profile, null, null, null, null, notes);
}
