namespace ManageIQ.OpenScap.Scap.Benchmarks;

/// <summary>
/// The ARFs of the report benchmarks: SSG <c>standard</c> and <c>(all)</c> of a Debian 12 minbase image, in
/// <c>SCAP_REPORT_BENCH_DIR</c> (made as docs/html-report.md shows), and the large ARF of <see cref="SummaryBenchmarks"/>.
/// </summary>
internal static class ReportInputs
{
    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("SCAP_REPORT_BENCH_DIR") ?? "/var/tmp/miq-report-bench";

    public static IReadOnlyList<string> Names { get; } = ["standard", "all", "large"];

    public static string Path(string name) => name switch
    {
        "standard" => System.IO.Path.Combine(Directory, "arf-minbase-standard.xml"),
        "all" => System.IO.Path.Combine(Directory, "arf-minbase-all.xml"),
        "large" => SummaryBenchmarks.InputPath,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a report benchmark input"),
    };
}
