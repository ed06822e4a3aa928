namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Where a CVE feed comes from: an http(s) URL or an absolute local path.</summary>
public static class CveFeedLocation
{
    private static readonly string[] FileSuffixes = [".xml", ".bz2", ".gz", ".json", ".tar", ".zst", ".txt"];

    public static bool IsValid(string location) => IsUrl(location) || Path.IsPathFullyQualified(location ?? string.Empty);

    public static bool IsUrl(string? location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// image-inspector's <c>--cve-url</c> is a base to which the feed's file name is appended. A value naming a
    /// file itself (ending in .xml, .bz2 or .gz, or a CSAF VEX feed's .json, .tar, .zst or archive_latest.txt) is
    /// used as it is.
    /// </summary>
    /// <param name="value">The flag's value.</param>
    /// <param name="referencedUrl">The remote feed URL the data stream references, which supplies the file name.</param>
    /// <returns>The feed location, or null when a base was given and there is no file name to append.</returns>
    public static string? FromBase(string value, string? referencedUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var path = IsUrl(value) ? new Uri(value).AbsolutePath : value;
        if (FileSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return value;
        }

        if (referencedUrl is null)
        {
            return null;
        }

        var fileName = Path.GetFileName(new Uri(referencedUrl).AbsolutePath);
        return value.TrimEnd('/') + "/" + fileName;
    }
}
