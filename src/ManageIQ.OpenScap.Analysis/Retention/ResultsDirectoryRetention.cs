using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Analysis.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Retention;

/// <summary>
/// Keeps the results directory (<c>IMAGE-ID/SCAN-ID/</c>) within <c>Bridge:Results:MaxAge</c> and
/// <c>Bridge:Results:MaxTotalBytes</c>: first every scan directory past the age goes, then the oldest ones until the
/// total fits. The newest scan of each image is never deleted for size, so each image keeps its latest ARF until it
/// ages out. Only directories in that layout are touched; anything else in the directory is left alone. An image
/// directory goes when the pass deleted its last scan, never otherwise: other scans create theirs meanwhile.
/// </summary>
public sealed class ResultsDirectoryRetention
{
    /// <summary>A bound on the entries one pass looks at, so a directory filled by something else can't stall it.</summary>
    public const int MaxEntries = 1_000_000;

    private readonly ResultsRetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ResultsDirectoryRetention(IOptions<AnalysisOptions> options, TimeProvider time, ILogger<ResultsDirectoryRetention> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Results;
        _time = time;
        _logger = logger;
    }

    public RetentionReport Apply(string resultsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsDirectory);
        if (!Directory.Exists(resultsDirectory))
        {
            return new RetentionReport(0, 0, 0, 0);
        }

        var scans = List(resultsDirectory);
        var now = _time.GetUtcNow().UtcDateTime;
        int forAge = 0, forSize = 0;
        long freed = 0;
        var kept = new List<ScanDirectory>(scans.Count);
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scan in scans)
        {
            if (now - scan.WrittenOn > _options.MaxAge && TryDelete(scan))
            {
                emptied.Add(scan.Image);
                forAge++;
                freed += scan.Bytes;
            }
            else
            {
                kept.Add(scan);
            }
        }

        var total = kept.Sum(s => s.Bytes);
        var newest = kept.GroupBy(s => s.Image).Select(g => g.MaxBy(s => s.WrittenOn)!).ToHashSet();
        foreach (var scan in kept.Where(s => !newest.Contains(s)).OrderBy(s => s.WrittenOn))
        {
            if (total <= _options.MaxTotalBytes)
            {
                break;
            }

            if (TryDelete(scan))
            {
                emptied.Add(scan.Image);
                forSize++;
                freed += scan.Bytes;
                total -= scan.Bytes;
            }
        }

        // Only the image directories this pass emptied: an empty one it did not empty may be a scan's, created a
        // moment ago with its scan directory still to come (deleting it then failed that scan).
        foreach (var image in emptied)
        {
            try
            {
                var path = Path.Combine(resultsDirectory, image);
                if (!Directory.EnumerateFileSystemEntries(path).Any())
                {
                    Directory.Delete(path);
                }
            }
            catch (IOException)
            {
                // A scan of that image started meanwhile.
            }
        }

        if (forAge + forSize > 0)
        {
            Log.ResultsPruned(_logger, resultsDirectory, forAge, forSize, freed, total);
        }

        return new RetentionReport(forAge, forSize, freed, total);
    }

    private List<ScanDirectory> List(string root)
    {
        var scans = new List<ScanDirectory>();
        var seen = 0;
        foreach (var image in new DirectoryInfo(root).EnumerateDirectories())
        {
            if (!IsImageDirectory(image.FullName) || image.LinkTarget is not null)
            {
                continue;
            }

            foreach (var scan in image.EnumerateDirectories())
            {
                if (scan.LinkTarget is not null)
                {
                    continue;
                }

                long bytes = 0;
                var written = scan.LastWriteTimeUtc;
                foreach (var file in scan.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                {
                    if (++seen > MaxEntries)
                    {
                        Log.ResultsTooMany(_logger, root, MaxEntries);
                        return scans;
                    }

                    bytes += file.Length;
                    written = file.LastWriteTimeUtc > written ? file.LastWriteTimeUtc : written;
                }

                scans.Add(new ScanDirectory(image.Name, scan.FullName, written, bytes));
            }
        }

        return scans;
    }

    // Image directories are named by ManageIQ's numeric image id.
    private static bool IsImageDirectory(string path) => long.TryParse(Path.GetFileName(path), out var id) && id > 0;

    private bool TryDelete(ScanDirectory scan)
    {
        try
        {
            Directory.Delete(scan.Path, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.ResultsNotDeleted(_logger, scan.Path, e.Message);
            return false;
        }
    }

    private sealed record ScanDirectory(string Image, string Path, DateTime WrittenOn, long Bytes);
}
