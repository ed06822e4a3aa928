namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>
/// oscap's warnings about where the data stream's remote CVE component came from: the scanner chooses the feed
/// itself (a local file, or none by policy) and reports that in the content fingerprint and its own notes, so these
/// would only repeat it, with the feed's public address, in every result.
/// </summary>
internal static class OscapWarnings
{
    public static bool IsAboutFeedResolution(string warning) =>
        warning.StartsWith("WARNING: Using local file", StringComparison.Ordinal)
        || (warning.StartsWith("WARNING: Datastream component", StringComparison.Ordinal) && warning.Contains("points out to the remote", StringComparison.Ordinal))
        || warning.StartsWith("WARNING: Skipping ", StringComparison.Ordinal);
}
