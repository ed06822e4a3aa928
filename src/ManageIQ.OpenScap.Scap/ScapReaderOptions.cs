using System.ComponentModel.DataAnnotations;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Limits that keep a hostile or runaway document from exhausting the reader.</summary>
public sealed class ScapReaderOptions
{
    public const string SectionName = "ScapResults";

    /// <summary>
    /// Most bytes read after decompression (guards against compression bombs). It also bounds what XmlReader holds
    /// for one start tag, whose attributes it materialises before any check. Default 2 GiB (a 60 000-definition
    /// CVE feed gives a 184 MB ARF).
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxInputBytes { get; set; } = 2L << 30;

    /// <summary>Deepest element nesting accepted. SSG ARFs nest about 20 deep. Default 256.</summary>
    [Range(8, 10_000)]
    public int MaxDepth { get; set; } = 256;

    /// <summary>Most characters in one text value (refused while reading it) or attribute the reader keeps. Default 1 Mi.</summary>
    [Range(64, int.MaxValue)]
    public int MaxTextLength { get; set; } = 1 << 20;

    /// <summary>
    /// Most failed results kept for the summary; every failure is listed, so this bounds the summary's size.
    /// A CVE feed of 60 000 definitions gives about 4 000. Default 1 000 000.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFailedResults { get; set; } = 1_000_000;
}
