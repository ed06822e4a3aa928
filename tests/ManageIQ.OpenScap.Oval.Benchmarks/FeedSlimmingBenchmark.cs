using System.Globalization;
using System.Text;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Packages;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Oval.Benchmarks;

/// <summary>
/// The feed-attributable cost of a scan (oscap with the feed minus oscap without it), slimmed against whole, side by
/// side in one run: the real oscap on the SSG Debian 12 standard profile over the Debian 12 minbase root, the feed in
/// through <c>--local-files</c> as the scanner gives it. Usage: <c>run [--definitions N] [--runs R] [--work DIR]</c>;
/// <c>slim ROOT FEED</c> is the slimming step alone, as the scanner runs it, for the measured slimmer process.
/// </summary>
internal static class FeedSlimmingBenchmark
{
    private const string StandardProfile = "xccdf_org.ssgproject.content_profile_standard";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["slim", var root, var feed])
        {
            await using var slimServices = Services(Path.GetDirectoryName(Path.GetFullPath(feed))!);
            var inventory = await slimServices.GetRequiredService<IPackageInventoryReader>().ReadAsync(root, OsRelease.ReadFromRoot(root), CancellationToken.None);
            var outcome = await slimServices.GetRequiredService<CveFeedSlimming>().SlimAsync(feed, inventory, CancellationToken.None);
            Console.WriteLine(outcome.Note);
            return outcome.Definitions is null ? 1 : 0;
        }

        var definitions = Option(args, "--definitions", 30_000);
        var runs = Option(args, "--runs", 3);
        var work = Path.GetFullPath(OptionText(args, "--work") ?? Path.Combine(Path.GetTempPath(), "miq-feed-slimming-bench"));
        Directory.CreateDirectory(work);
        return await new Run(work, definitions, runs).ExecuteAsync();
    }

    private static ServiceProvider Services(string work)
    {
        var services = new ServiceCollection();
        services.AddImageScanner();
        services.Configure<CveFeedOptions>(o => o.CacheDirectory = Path.Combine(work, "cache"));
        return services.BuildServiceProvider();
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>How many times less; a slim cost within 50 ms of the baseline is noise, so only a lower bound is given.</summary>
    private static string Ratio(double whole, double slim) =>
        slim < 0.05 ? string.Create(CultureInfo.InvariantCulture, $"more than {whole / 0.05:F0}x (the slim cost is within the baseline's noise)") : string.Create(CultureInfo.InvariantCulture, $"{whole / slim:F1}x");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class Run(string work, int definitions, int runs)
    {
        private readonly string _root = DebianMinbase.Root;
        private readonly string _dataStream = ScapContent.Debian12DataStream;
        private Dictionary<string, string> _environment = [];

        public async Task<int> ExecuteAsync()
        {
            await using var services = Services(work);
            var inventory = await services.GetRequiredService<IPackageInventoryReader>().ReadAsync(_root, OsRelease.ReadFromRoot(_root), CancellationToken.None);
            var packages = inventory.Packages.Select(p => new DebianPackage(p.Name, p.Version)).ToList();
            var dataStream = await services.GetRequiredService<IDataStreamInspector>().InspectAsync(_dataStream, CancellationToken.None);
            var remote = dataStream.RemoteChecks.First(c => c.RuleIds.Count > 0);
            var tailoring = Path.Combine(work, "tailoring.xml");
            var tailored = CveTailoring.Write(dataStream, StandardProfile, remote, tailoring, TimeProvider.System);
            _environment = new Dictionary<string, string>
            {
                ["OSCAP_PROBE_ROOT"] = _root,
                ["OSCAP_EVALUATION_TARGET"] = "feed-slimming-benchmark",
                ["APT_CONFIG"] = Oscap.WriteAptConfig(work),
            };

            var cases = new List<FeedCase>
            {
                new("worst case: a fifth of the definitions on installed packages", SyntheticFeedShape.WorstCase),
                new("Debian archive: 3 % of the definitions on installed packages", SyntheticFeedShape.DebianArchive),
            };
            foreach (var c in cases)
            {
                c.Prepare(work, definitions, packages, remote.LocalName);
            }

            var baseline = new List<Measurement>();
            for (var r = 0; r < runs; r++)
            {
                baseline.Add(await OscapAsync("baseline", ["--profile", StandardProfile]));
                foreach (var c in cases)
                {
                    // The slimmer runs in each slim round, as it does in each scan; the feed is copied back whole first.
                    File.Copy(c.WholeFeed, c.SlimFeed, overwrite: true);
                    c.Slimmer.Add(await TimedProcess.RunAsync(Environment.ProcessPath!, [.. SelfArguments, "slim", _root, c.SlimFeed], new Dictionary<string, string>(), work));
                    c.Slim.Add(await OscapAsync(c.Name + "-slim", ["--tailoring-file", tailoring, "--profile", tailored, "--local-files", Path.GetDirectoryName(c.SlimFeed)!]));
                    c.Whole.Add(await OscapAsync(c.Name + "-whole", ["--tailoring-file", tailoring, "--profile", tailored, "--local-files", Path.GetDirectoryName(c.WholeFeed)!]));
                }
            }

            var reader = services.GetRequiredService<IScapResultReader>();
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"oscap {(await OscapVersionAsync()).Trim()}, {definitions} definitions, {packages.Count} packages in the root, median of {runs} runs; baseline (no feed) {Median(baseline.Select(b => b.Seconds)):F2} s, {Median(baseline.Select(b => b.PeakMegabytes)):F0} MB");
            report.AppendLine();
            report.AppendLine("| feed | variant | oscap wall s | oscap peak RSS MB | feed-attributable s | feed-attributable MB | slimmer s / MB | vulnerable |");
            report.AppendLine("|---|---|---|---|---|---|---|---|");
            var same = true;
            foreach (var c in cases)
            {
                var whole = Vulnerable(await reader.SummarizeFileAsync(Arf(c.Name + "-whole"), CancellationToken.None));
                var slim = Vulnerable(await reader.SummarizeFileAsync(Arf(c.Name + "-slim"), CancellationToken.None));
                same &= whole.SetEquals(slim);
                var baseSeconds = Median(baseline.Select(b => b.Seconds));
                var baseMegabytes = Median(baseline.Select(b => b.PeakMegabytes));
                var wholeSeconds = Median(c.Whole.Select(m => m.Seconds)) - baseSeconds;
                var wholeMegabytes = Median(c.Whole.Select(m => m.PeakMegabytes)) - baseMegabytes;
                var slimSeconds = Median(c.Slim.Select(m => m.Seconds)) - baseSeconds;
                var slimMegabytes = Median(c.Slim.Select(m => m.PeakMegabytes)) - baseMegabytes;
                var slimmerSeconds = Median(c.Slimmer.Select(m => m.Seconds));
                var slimmerMegabytes = Median(c.Slimmer.Select(m => m.PeakMegabytes));
                report.AppendLine(CultureInfo.InvariantCulture, $"| {c.Title} | whole | {Median(c.Whole.Select(m => m.Seconds)):F2} | {Median(c.Whole.Select(m => m.PeakMegabytes)):F0} | {wholeSeconds:F2} | {wholeMegabytes:F0} | | {whole.Count} |");
                report.AppendLine(CultureInfo.InvariantCulture, $"| {c.Title} | slim | {Median(c.Slim.Select(m => m.Seconds)):F2} | {Median(c.Slim.Select(m => m.PeakMegabytes)):F0} | {slimSeconds:F2} | {slimMegabytes:F0} | {slimmerSeconds:F2} / {slimmerMegabytes:F0} | {slim.Count} |");
                c.Ratios = string.Create(CultureInfo.InvariantCulture, $"{c.Title}: oscap's feed-attributable time {Ratio(wholeSeconds, slimSeconds)} less ({wholeSeconds / (slimSeconds + slimmerSeconds):F1}x with the slimmer's own time), memory {wholeMegabytes / Math.Max(slimMegabytes, 1):F1}x less; slimmer peak {slimmerMegabytes:F0} MB as a process of its own (.NET runtime included); vulnerable sets {(whole.SetEquals(slim) ? "identical" : "DIFFERENT")}");
            }

            report.AppendLine();
            foreach (var c in cases)
            {
                report.AppendLine("- " + c.Ratios);
            }

            Console.Write(report.ToString());
            return same ? 0 : 1;
        }

        /// <summary>Under <c>dotnet x.dll</c> the process is dotnet, which needs the assembly again.</summary>
        private static string[] SelfArguments =>
            Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(FeedSlimmingBenchmark).Assembly.Location] : [];

        private static SortedSet<string> Vulnerable(ScapSummary summary) =>
            new(summary.FailedRules.Where(r => r.Id.EndsWith("security_patches_up_to_date", StringComparison.Ordinal)).Select(r => r.Check ?? r.Id), StringComparer.Ordinal);

        private string Arf(string name) => Path.Combine(work, name + "-arf.xml");

        private Task<Measurement> OscapAsync(string name, string[] profile) =>
            TimedProcess.RunAsync("oscap", ["xccdf", "eval", .. profile, "--results-arf", Arf(name), _dataStream], _environment, work);

        private static async Task<string> OscapVersionAsync()
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("oscap", ["--version"]) { RedirectStandardOutput = true })!;
            var first = await process.StandardOutput.ReadLineAsync();
            await process.WaitForExitAsync();
            return first ?? string.Empty;
        }
    }

    private sealed class FeedCase(string title, SyntheticFeedShape shape)
    {
        public string Title => title;

        public string Name => shape == SyntheticFeedShape.WorstCase ? "worst" : "archive";

        public string WholeFeed { get; private set; } = string.Empty;

        public string SlimFeed { get; private set; } = string.Empty;

        public List<Measurement> Whole { get; } = [];

        public List<Measurement> Slim { get; } = [];

        public List<Measurement> Slimmer { get; } = [];

        public string Ratios { get; set; } = string.Empty;

        public void Prepare(string work, int definitions, IReadOnlyList<DebianPackage> packages, string localName)
        {
            WholeFeed = Path.Combine(Directory.CreateDirectory(Path.Combine(work, Name, "whole")).FullName, localName);
            SlimFeed = Path.Combine(Directory.CreateDirectory(Path.Combine(work, Name, "slim")).FullName, localName);
            SyntheticCveFeed.Write(WholeFeed, definitions, packages, shape);
        }
    }
}
