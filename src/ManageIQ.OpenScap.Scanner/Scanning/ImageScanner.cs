using System.Diagnostics;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>The scan pipeline: acquire, choose content, fetch the CVE feed, run oscap, render, summarise.</summary>
internal sealed class ImageScanner(
    IImageAcquirer acquirer,
    IScapContentResolver contentResolver,
    EvaluationPreparer preparer,
    VexFeedPreparer vexFeeds,
    PackageInventoryCheck inventoryCheck,
    IOpenScapRunner oscap,
    IScapResultReader resultReader,
    IOptions<OscapOptions> oscapOptions,
    ILogger<ImageScanner> logger) : IImageScanner
{
    public async Task<ScanReport> ScanAsync(ImageScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var image = request.Image.ToString();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Image"] = image });
        var run = new ScanRun(image, Stopwatch.StartNew(), progress);
        try
        {
            return await ScanCoreAsync(request, run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, a read-only work directory, a root the scanner may not write: a failed scan, not a crash.
            Log.ScanStorageFailed(logger, image, e.Message);
            return run.Fail(ScanErrorKind.OpenScapFailed, "The scan's files could not be written: " + e.Message);
        }
    }

    private async Task<ScanReport> ScanCoreAsync(ImageScanRequest request, ScanRun run, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(request.ResultsDirectory);
        Directory.CreateDirectory(request.WorkDirectory);

        // 1. The image.
        run.Progress(new ScanProgress(ScanStage.Resolving, run.Image));
        AcquiredImage image;
        try
        {
            image = await acquirer.AcquireAsync(request.Acquisition, new AcquisitionProgressForwarder(run.Sink, run.Image), cancellationToken).ConfigureAwait(false);
        }
        catch (ImageAcquisitionException e)
        {
            Log.ImageAcquireFailed(logger, run.Image, e.Message);
            return run.Fail(ScanErrorKind.ImageAcquireFailed, e.Message);
        }

        run.Acquired(image);
        if (!Environment.IsPrivilegedProcess)
        {
            // An unprivileged process cannot chown: every unpacked file belongs to it, not to the image's owners.
            run.Notes.Add("Unpacked without root: file owners in the root filesystem are the scanner's, so rules that check file ownership (file_owner_*, file_groupowner_*) judge the scanner's user, not the image's. Run the scanner as root in a user namespace (Kubernetes hostUsers: false) for exact ownership.");
        }

        Log.ImageAcquired(logger, run.Image, image.ImageId, image.LayerCount, image.OsRelease);

        // 2. The content.
        var contentClock = Stopwatch.StartNew();
        run.Progress(new ScanProgress(ScanStage.PreparingContent, image.OsRelease?.ToString()));
        var resolution = contentResolver.Resolve(image.OsRelease, request.ContentOverride);
        if (resolution.Selection is not { } content)
        {
            Log.NoContent(logger, run.Image, resolution.Missing!);
            return run.Fail(ScanErrorKind.NoContent, resolution.Missing!);
        }

        // The packages, read by the project itself: a scan that cannot see them must not read as clean.
        var inventory = await inventoryCheck.PrepareAsync(image.RootFileSystemPath, image.OsRelease, cancellationToken).ConfigureAwait(false);
        run.Notes.AddRange(inventory.Notes);
        if (inventory.Failure is { } inventoryFailure)
        {
            run.Content(content, null);
            return run.Fail(ScanErrorKind.OpenScapFailed, inventoryFailure);
        }

        var oscapWork = Path.Combine(request.WorkDirectory, "oscap");
        RecreateDirectory(oscapWork);
        PreparedEvaluation prepared;
        try
        {
            // A VEX feed is converted for this image's packages; the data stream (if any) is prepared without a feed.
            var vex = content.CveFeedFormat == CveFeedFormat.CsafVex;
            prepared = await preparer.PrepareAsync(vex ? request with { CveFeedPolicy = CveFeedPolicy.Disabled } : request, content, inventory.Inventory!, oscapWork, cancellationToken).ConfigureAwait(false);
            if (vex)
            {
                prepared = await vexFeeds.AddAsync(prepared, request, content, inventory.Inventory!, image.OsRelease, oscapWork, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is CveFeedException or InvalidDataException)
        {
            run.Content(content, null);
            return run.Fail(ScanErrorKind.OpenScapFailed, e.Message);
        }

        run.Content(content, prepared);
        run.Timings = run.Timings with { Content = contentClock.Elapsed };
        if (content.FeedOnly && prepared.SeparateOvalFeed is null)
        {
            // Without a data stream the feed is the whole scan: no feed, nothing evaluated, never a clean result.
            var why = $"no SCAP content for {content.DistributionId} {content.DistributionVersion}: no data stream is installed, and its CVE feed was not evaluated ({string.Join(" ", prepared.Notes.DefaultIfEmpty("CVE feeds are disabled"))})";
            Log.NoContent(logger, run.Image, why);
            return run.Fail(ScanErrorKind.NoContent, why);
        }

        // 3. oscap.
        string? arfPath = content.FeedOnly ? null : Path.Combine(request.ResultsDirectory, InspectorArtifacts.Arf);
        string? ovalResults = null;
        run.Progress(new ScanProgress(ScanStage.Scanning, content.DataStreamPath is { } ds ? $"{Path.GetFileName(ds)} profile {content.Profile}" : "the CVE feed alone"));
        try
        {
            run.OscapVersion((await oscap.GetVersionAsync(cancellationToken).ConfigureAwait(false)).ToString());
            var oscapTime = TimeSpan.Zero;
            if (arfPath is not null)
            {
                var evaluation = await oscap.EvaluateAsync(
                    new XccdfEvaluation
                    {
                        ProbeRoot = image.RootFileSystemPath,
                        Target = run.Image,
                        DataStreamPath = content.DataStreamPath!,
                        Profile = prepared.Profile,
                        TailoringFile = prepared.TailoringFile,
                        LocalFilesDirectory = prepared.LocalFilesDirectory,
                        ArfPath = arfPath,
                        WorkDirectory = oscapWork,
                        RpmDatabaseDirectory = inventory.RpmDatabaseDirectory,
                    },
                    cancellationToken).ConfigureAwait(false);
                run.OscapExitCode = evaluation.ExitCode;
                run.Notes.AddRange(evaluation.Warnings.Where(w => !OscapWarnings.IsAboutFeedResolution(w)));
                run.Artifacts = run.Artifacts with { Arf = arfPath };
                oscapTime = evaluation.Elapsed;
            }

            if (prepared.SeparateOvalFeed is { } feedPath)
            {
                ovalResults = Path.Combine(request.ResultsDirectory, InspectorArtifacts.CveOvalResults);
                var oval = await oscap.EvaluateOvalAsync(
                    new OvalEvaluation { ProbeRoot = image.RootFileSystemPath, Target = run.Image, DefinitionsPath = feedPath, ResultsPath = ovalResults, WorkDirectory = oscapWork, RpmDatabaseDirectory = inventory.RpmDatabaseDirectory },
                    cancellationToken).ConfigureAwait(false);
                run.Artifacts = run.Artifacts with { CveOvalResults = ovalResults };
                run.OscapExitCode ??= oval.ExitCode;
                oscapTime += oval.Elapsed;
            }

            run.Timings = run.Timings with { Oscap = oscapTime };
        }
        catch (OpenScapException e)
        {
            Log.OscapFailed(logger, run.Image, e.Message);
            return run.Fail(ScanErrorKind.OpenScapFailed, e.Message);
        }

        // 4. Summary, HTML report and the probes' check side by side: all only read the results, and oscap's rendering takes longest.
        var summarizing = SummarizeAsync(request, arfPath, ovalResults, run.Elapsed, cancellationToken);
        var verifying = inventoryCheck.VerifyAsync(inventory.Inventory!, new[] { arfPath, ovalResults }.OfType<string>(), cancellationToken);
        Task<HtmlReportOutcome>? rendering = null;
        if (request.HtmlReport && arfPath is null)
        {
            run.Note("HTML report skipped: a scan of the CVE feed alone has no ARF to render.");
        }
        else if (request.HtmlReport && arfPath is not null)
        {
            run.Progress(new ScanProgress(ScanStage.Reporting));
            rendering = RenderHtmlReportAsync(arfPath, request.ResultsDirectory, cancellationToken);
        }

        // WhenAll, so a failure of one never leaves the other unobserved.
        Task[] pending = rendering is null ? [summarizing, verifying] : [summarizing, verifying, rendering];
        await Task.WhenAll(pending).ConfigureAwait(false);
        var summary = await summarizing.ConfigureAwait(false);
        run.Summarized(summary);
        if (rendering is not null)
        {
            var html = await rendering.ConfigureAwait(false);
            if (html.Path is not null && prepared.FeedDefinitions is { } definitions)
            {
                await HtmlReportFeedRow.InsertAsync(html.Path, definitions.Note, cancellationToken).ConfigureAwait(false);
            }

            run.Artifacts = run.Artifacts with { Html = html.Path };
            run.Timings = run.Timings with { Report = html.Elapsed };
            run.Note(html.Problem);
        }

        return await verifying.ConfigureAwait(false) is { } disagreement
            ? run.Fail(ScanErrorKind.OpenScapFailed, disagreement)
            : run.Complete();
    }

    public async Task<HtmlReportOutcome> RenderHtmlReportAsync(string arfPath, string resultsDirectory, CancellationToken cancellationToken)
    {
        var arfBytes = new FileInfo(arfPath).Length;
        var limit = oscapOptions.Value.HtmlReportMaxArfBytes;
        if (arfBytes > limit)
        {
            return new HtmlReportOutcome(null, $"HTML report skipped: the ARF has {arfBytes} bytes, over the {limit}-byte limit (rendering needs about 25 times the ARF's size in memory).", TimeSpan.Zero);
        }

        var htmlPath = Path.Combine(resultsDirectory, InspectorArtifacts.Html);
        try
        {
            var elapsed = await oscap.GenerateHtmlReportAsync(arfPath, htmlPath, cancellationToken).ConfigureAwait(false);
            return new HtmlReportOutcome(htmlPath, null, elapsed);
        }
        catch (OpenScapException e)
        {
            return new HtmlReportOutcome(null, "HTML report failed: " + e.Message, TimeSpan.Zero);
        }
    }

    private async Task<SummaryOutcome> SummarizeAsync(ImageScanRequest request, string? arfPath, string? ovalResults, Func<TimeSpan> elapsed, CancellationToken cancellationToken)
    {
        // Off the caller's thread, so the summary really runs while oscap renders the HTML.
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        ScapSummary summary;
        try
        {
            summary = await resultReader.SummarizeFileAsync(arfPath ?? ovalResults!, cancellationToken).ConfigureAwait(false);
        }
        catch (ScapFormatException e)
        {
            return new SummaryOutcome(null, null, "The ARF could not be summarised: " + e.Message, clock.Elapsed, elapsed());
        }

        string? problem = null;
        if (ovalResults is not null && arfPath is not null)
        {
            try
            {
                summary = CveResults.Merge(summary, await resultReader.SummarizeFileAsync(ovalResults, cancellationToken).ConfigureAwait(false));
            }
            catch (ScapFormatException e)
            {
                problem = "The CVE feed's OVAL results could not be summarised; the summary has no CVE results: " + e.Message;
            }
        }

        // The file name, not the path: the summary reads the same on every machine that holds it.
        summary = summary with { Source = arfPath is null ? InspectorArtifacts.CveOvalResults : InspectorArtifacts.Arf };
        var summaryPath = Path.Combine(request.ResultsDirectory, InspectorArtifacts.Summary);
        var output = new FileStream(summaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (output.ConfigureAwait(false))
        {
            await ScapSummaryJson.SerializeAsync(output, summary, cancellationToken).ConfigureAwait(false);
        }

        return new SummaryOutcome(summary, summaryPath, problem, clock.Elapsed, elapsed());
    }

    private static void RecreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
    }
}
