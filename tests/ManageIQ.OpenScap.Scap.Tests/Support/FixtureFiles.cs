namespace ManageIQ.OpenScap.Scap.Tests.Support;

/// <summary>The committed fixtures: small real oscap results (compressed) and the hand-written content they came from.</summary>
public static class FixtureFiles
{
    /// <summary>ARF of the mini benchmark (oscap xccdf eval --results-arf), gzip.</summary>
    public const string MiniArf = "mini-arf.xml.gz";

    /// <summary>XCCDF results of the same evaluation (oscap xccdf eval --results), bzip2.</summary>
    public const string MiniXccdf = "mini-xccdf.xml.bz2";

    /// <summary>OVAL results of the CVE definitions (oscap oval eval --results), gzip.</summary>
    public const string CveOvalResults = "cve-oval-results.xml.gz";

    public static IReadOnlyList<string> Results { get; } = [MiniArf, MiniXccdf, CveOvalResults];

    public static string CveOvalContent => Content("debian12-cve-oval.xml");

    public static string MiniBenchmarkContent => Content("mini-benchmark-xccdf.xml");

    /// <summary>The copy in the test output directory.</summary>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Content(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Content", name);

    /// <summary>The fixture directory in the source tree, for regeneration.</summary>
    public static string SourceDirectory =>
        ManageIQ.OpenScap.Testing.RepositoryRoot.Combine("tests", "ManageIQ.OpenScap.Scap.Tests", "Fixtures");

    /// <summary>The uncompressed bytes of a fixture.</summary>
    public static byte[] ReadDecompressed(string path)
    {
        using var input = File.OpenRead(path);
        using var decoded = Decompress(input, path);
        using var copy = new MemoryStream();
        decoded.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Decompress(Stream input, string path) =>
        path.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress)
        : path.EndsWith(".bz2", StringComparison.Ordinal) ? SharpCompress.Compressors.BZip2.BZip2Stream.Create(input, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: false)
        : input;
}
