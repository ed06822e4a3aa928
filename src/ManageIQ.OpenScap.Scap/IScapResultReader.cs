namespace ManageIQ.OpenScap.Scap;

/// <summary>Summarises OpenSCAP result documents (ARF, XCCDF, OVAL; plain, gzip or bzip2) in one streaming pass.</summary>
public interface IScapResultReader
{
    /// <summary>Reads <paramref name="input"/> to its end and summarises it.</summary>
    /// <param name="input">The document; gzip and bzip2 are detected by their magic bytes.</param>
    /// <param name="sourceName">Names the input in errors (a path, or <c>-</c>).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="ScapFormatException">The input is empty, malformed, truncated, hostile, over a limit, or not a SCAP result.</exception>
    Task<ScapSummary> SummarizeAsync(Stream input, string sourceName, CancellationToken cancellationToken);
}
