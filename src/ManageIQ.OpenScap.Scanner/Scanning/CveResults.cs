using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Merges the CVEs of a separately evaluated feed (<c>oval-eval</c>) into the ARF's summary, ordered as the reader orders them.</summary>
internal static class CveResults
{
    public static ScapSummary Merge(ScapSummary arf, ScapSummary oval)
    {
        ArgumentNullException.ThrowIfNull(arf);
        ArgumentNullException.ThrowIfNull(oval);
        var cves = arf.Cves.Concat(oval.Cves)
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g => new ScapCve(g.Key, g.Max(c => c.Severity)))
            .OrderByDescending(c => c.Severity)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return arf with { Cves = cves };
    }
}
