namespace ManageIQ.OpenScap.Vex;

/// <summary>A directory feed's documents: every <c>.json</c> below it, links not followed, in ordinal order.</summary>
internal static class VexFeedDirectory
{
    private static readonly EnumerationOptions Search = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MatchCasing = MatchCasing.CaseInsensitive };

    public static IEnumerable<string> Documents(string directory) => Directory.EnumerateFiles(directory, "*.json", Search).Order(StringComparer.Ordinal);
}
