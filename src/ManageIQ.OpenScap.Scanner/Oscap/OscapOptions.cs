using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>How oscap is run (configuration section <c>OpenScap</c>).</summary>
public sealed class OscapOptions
{
    public const string SectionName = "OpenScap";

    /// <summary>The oscap executable: a name looked up in PATH, or a path.</summary>
    [Required]
    public string Executable { get; set; } = "oscap";

    /// <summary>Time limit of one evaluation; the process tree is killed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time limit of <c>oscap xccdf generate report</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The HTML report is skipped for ARFs larger than this: rendering a 99 MB ARF takes over a minute and
    /// 2.7 GB of memory (reference §6). Default 64 MiB.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long HtmlReportMaxArfBytes { get; set; } = 64L * 1024 * 1024;
}
