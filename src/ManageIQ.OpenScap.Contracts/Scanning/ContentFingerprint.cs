using System.Globalization;
using System.Reflection;
using System.Text;

namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>
/// Everything besides the image that decides a scan's results. Two scans of the same digest with equal
/// <see cref="ToString"/> give the same results; the string is what ManageIQ stores as <c>openscap_content</c>.
/// The format is documented in docs/content-fingerprint.md.
/// </summary>
public sealed record ContentFingerprint
{
    /// <summary>The <c>cve-slim</c> value of a scan that slims the CVE feed to the image's packages (the default).</summary>
    public const string SlimOn = "on";

    /// <summary>The <c>cve-slim</c> value of a scan that evaluates the whole feed.</summary>
    public const string SlimOff = "off";

    /// <summary>The version of this project that ran the scan.</summary>
    public static string CurrentProjectVersion { get; } =
        typeof(ContentFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ContentFingerprint).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>The data stream's file name (its directory differs from one machine to the next).</summary>
    public required string DataStream { get; init; }

    /// <summary>The XCCDF benchmark's version inside the data stream, when the ARF was read.</summary>
    public string? BenchmarkVersion { get; init; }

    /// <summary>The profile chosen for the distribution (or given).</summary>
    public required string Profile { get; init; }

    /// <summary>The tailored profile evaluated instead (the CVE feed's rules added), when there was one.</summary>
    public string? Tailoring { get; init; }

    /// <summary>The operator's tailoring file's content, <c>sha256:</c> and its hex digest; null without one.</summary>
    public string? TailoringContent { get; init; }

    /// <summary>The CVE feed's location, user information removed; null when no feed was evaluated.</summary>
    public string? CveFeed { get; init; }

    /// <summary><c>local-files</c> (inside the data stream's evaluation) or <c>oval-eval</c> (a separate OVAL evaluation).</summary>
    public string? CveFeedMode { get; init; }

    /// <summary>The feed's version: its ETag, else its Last-Modified.</summary>
    public string? CveFeedVersion { get; init; }

    /// <summary>The feed's date (Last-Modified, or the file's time).</summary>
    public DateTimeOffset? CveFeedDate { get; init; }

    /// <summary>
    /// The feed slimming switch the scan ran with (<see cref="SlimOn"/> or <see cref="SlimOff"/>), null when no feed
    /// was evaluated: switching it changes the fingerprint, so images are scanned again with the whole feed or the slim one.
    /// </summary>
    public string? CveFeedSlim { get; init; }

    public string? OscapVersion { get; init; }

    public string ProjectVersion { get; init; } = CurrentProjectVersion;

    /// <summary>The scanning pod's image (<see cref="IScanBackend.ContentSource"/>); null for an in-process scan.</summary>
    public string? Inspector { get; init; }

    /// <summary>
    /// <c>key=value</c> pairs joined by <c>;</c>, keys always present and in this order: <c>ds</c>, <c>benchmark</c>,
    /// <c>profile</c>, <c>tailoring</c>, <c>tailoring-sha256</c>, <c>cve</c>, <c>cve-mode</c>, <c>cve-version</c>, <c>cve-date</c>,
    /// <c>cve-slim</c>, <c>oscap</c>, <c>miq-openscap</c>, then <c>inspector</c> only for a scan in a pod; a missing value is empty;
    /// <c>%</c>, <c>;</c> and <c>=</c> in a value are percent-encoded.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, "ds", DataStream);
        Append(text, "benchmark", BenchmarkVersion);
        Append(text, "profile", Profile);
        Append(text, "tailoring", Tailoring);
        Append(text, "tailoring-sha256", TailoringContent);
        Append(text, "cve", CveFeed);
        Append(text, "cve-mode", CveFeedMode);
        Append(text, "cve-version", CveFeedVersion);
        Append(text, "cve-date", CveFeedDate?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        Append(text, "cve-slim", CveFeedSlim);
        Append(text, "oscap", OscapVersion);
        Append(text, "miq-openscap", ProjectVersion);
        if (Inspector is not null)
        {
            Append(text, "inspector", Inspector);
        }

        return text.ToString();
    }

    /// <summary>The <c>cve-slim</c> value of a scan with the slimming switch <paramref name="slim"/>.</summary>
    public static string SlimValue(bool slim) => slim ? SlimOn : SlimOff;

    /// <summary>
    /// The <c>key=value</c> pairs of a fingerprint as <see cref="ToString"/> wrote it, values decoded; keys it
    /// cannot read are left out, so an empty result means "not a fingerprint".
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fields(string? text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return fields;
        }

        foreach (var pair in text.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[pair[..equals]] = pair[(equals + 1)..].Replace("%3D", "=", StringComparison.Ordinal).Replace("%3B", ";", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
            }
        }

        return fields;
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (text.Length > 0)
        {
            text.Append(';');
        }

        text.Append(key).Append('=');
        text.Append((value ?? string.Empty).Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal));
    }
}
