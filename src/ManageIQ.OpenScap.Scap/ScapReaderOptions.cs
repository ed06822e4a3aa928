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

    /// <summary>
    /// Most characters of one Rule's rationale or fix text kept for the failed rules (the rest is cut, ending in
    /// an ellipsis); 0 keeps neither. The benchmark precedes the TestResult, so they are kept for every Rule
    /// until the failures are known. Default 4 096 (SSG's longest Debian 12 rationale has about 1 200).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxRuleTextLength { get; set; } = 4096;

    /// <summary>
    /// Most characters of rationale and fix text kept over the whole document; Rules past it keep none. It bounds
    /// the memory a hostile benchmark can take. Default 8 Mi (SSG's Debian 12 benchmark needs about 134 Ki).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxRuleTextCharacters { get; set; } = 8 << 20;
}
