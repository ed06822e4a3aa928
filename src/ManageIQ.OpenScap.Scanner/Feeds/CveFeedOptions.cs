using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>CVE feed fetching and caching (configuration section <c>CveFeeds</c>).</summary>
public sealed class CveFeedOptions
{
    public const string SectionName = "CveFeeds";

    /// <summary>Where downloaded feeds are kept with their ETag and Last-Modified.</summary>
    [Required]
    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "miq-openscap-cve-cache");

    public CveFeedPolicy Policy { get; set; } = CveFeedPolicy.Optional;

    /// <summary>Time limit of one feed download.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "02:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest feed accepted, compressed or decompressed (Debian's bookworm feed is about 100 MB of XML). Default 2 GiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
