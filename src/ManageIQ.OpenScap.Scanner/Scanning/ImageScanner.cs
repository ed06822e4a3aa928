using System.Diagnostics;
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
    IOpenScapRunner oscap,
    IScapResultReader resultReader,
    IOptions<OscapOptions> oscapOptions,
    ILogger<ImageScanner> logger) : IImageScanner
{
    public async Task<ImageScanResult> ScanAsync(ImageScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Image"] = request.Image });
        var state = new ScanState(request, Stopwatch.StartNew());
        try
        {
            return await ScanCoreAsync(request, state, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, a read-only work directory, a root the scanner may not write: a failed scan, not a crash.
            Log.ScanStorageFailed(logger, request.Image, e.Message);
            return state.Finish(ScanOutcome.ScanFailed, "The scan's files could not be written: " + e.Message, progress);
        }
    }

    private async Task<ImageScanResult> ScanCoreAsync(ImageScanRequest request, ScanState state, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(request.ResultsDirectory);
        Directory.CreateDirectory(request.WorkDirectory);

        // 1. The image.
        progress?.Report(new ScanProgress(ScanStage.Resolving, $"Resolving {request.Image}"));
        AcquiredImage image;
        try
        {
            image = await acquirer.AcquireAsync(AcquisitionRequest(request), new AcquisitionProgressForwarder(progress), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ImageAcquisitionException or FormatException)
        {
            Log.ImageAcquireFailed(logger, request.Image, e.Message);
            return state.Finish(ScanOutcome.ImageAcquireFailed, e.Message, progress);
        }

        state.Image = image;
        if (!Environment.IsPrivilegedProcess)
        {
            // An unprivileged process cannot chown: every unpacked file belongs to it, not to the image's owners.
            state.Notes.Add("Unpacked without root: file owners in the root filesystem are the scanner's, so rules that check file ownership (file_owner_*, file_groupowner_*) judge the scanner's user, not the image's. Run the scanner as root in a user namespace (Kubernetes hostUsers: false) for exact ownership.");
        }
        state.Timings = state.Timings with { Resolve = image.Timings.Resolve, Pull = image.Timings.Pull, Unpack = image.Timings.Unpack, Acquire = image.Timings.Total };
        Log.ImageAcquired(logger, request.Image, image.ImageId, image.LayerCount, image.OsRelease);

        // 2. The content.
        var contentClock = Stopwatch.StartNew();
        progress?.Report(new ScanProgress(ScanStage.PreparingContent, $"Choosing SCAP content for {image.OsRelease?.ToString() ?? "an image without os-release"}"));
        var resolution = contentResolver.Resolve(image.OsRelease, request.ContentOverride);
        if (resolution.Selection is not { } content)
        {
            Log.NoContent(logger, request.Image, resolution.Missing!);
            return state.Finish(ScanOutcome.NoContent, resolution.Missing, progress);
        }

        state.Content = content;
        var oscapWork = Path.Combine(request.WorkDirectory, "oscap");
        RecreateDirectory(oscapWork);
        PreparedEvaluation prepared;
        try
        {
            prepared = await preparer.PrepareAsync(request, content, oscapWork, state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CveFeedException or InvalidDataException)
        {
            return state.Finish(ScanOutcome.ScanFailed, e.Message, progress);
        }

        state.Timings = state.Timings with { Content = contentClock.Elapsed };

        // 3. oscap.
        var arfPath = Path.Combine(request.ResultsDirectory, ScanArtifacts.Arf);
        progress?.Report(new ScanProgress(ScanStage.Scanning, $"Evaluating {Path.GetFileName(content.DataStreamPath)} profile {content.Profile}"));
        try
        {
            state.OscapVersion = (await oscap.GetVersionAsync(cancellationToken).ConfigureAwait(false)).ToString();
            var evaluation = await oscap.EvaluateAsync(
                new XccdfEvaluation
                {
                    ProbeRoot = image.RootFileSystemPath,
                    Target = request.Image,
                    DataStreamPath = content.DataStreamPath,
                    Profile = prepared.Profile,
                    TailoringFile = prepared.TailoringFile,
                    LocalFilesDirectory = prepared.LocalFilesDirectory,
                    ArfPath = arfPath,
                    WorkDirectory = oscapWork,
                },
                cancellationToken).ConfigureAwait(false);
            state.OscapExitCode = evaluation.ExitCode;
            state.Notes.AddRange(evaluation.Warnings.Where(w => !w.StartsWith("WARNING: Using local file", StringComparison.Ordinal)));
            state.ArfPath = arfPath;
            var oscapTime = evaluation.Elapsed;
            if (prepared.SeparateOvalFeed is { } feedPath)
            {
                var ovalResults = Path.Combine(request.ResultsDirectory, ScanArtifacts.CveOvalResults);
                var oval = await oscap.EvaluateOvalAsync(
                    new OvalEvaluation { ProbeRoot = image.RootFileSystemPath, Target = request.Image, DefinitionsPath = feedPath, ResultsPath = ovalResults, WorkDirectory = oscapWork },
                    cancellationToken).ConfigureAwait(false);
                state.CveOvalResultsPath = ovalResults;
                oscapTime += oval.Elapsed;
            }

            state.Timings = state.Timings with { Oscap = oscapTime };
        }
        catch (OpenScapException e)
        {
            Log.OscapFailed(logger, request.Image, e.Message);
            return state.Finish(ScanOutcome.ScanFailed, e.Message, progress);
        }

        // 4. Summary and HTML report side by side: both only read the ARF, and oscap's rendering takes longest.
        var summarizing = SummarizeAsync(request, arfPath, state.Elapsed, cancellationToken);
        Task<HtmlReportOutcome>? rendering = null;
        if (request.HtmlReport)
        {
            progress?.Report(new ScanProgress(ScanStage.Reporting, "Rendering the HTML report"));
            rendering = RenderHtmlReportAsync(arfPath, request.ResultsDirectory, cancellationToken);
        }

        // WhenAll, so a failure of one never leaves the other unobserved.
        Task[] pending = rendering is null ? [summarizing] : [summarizing, rendering];
        await Task.WhenAll(pending).ConfigureAwait(false);
        var summary = await summarizing.ConfigureAwait(false);
        state.Summary = summary.Summary;
        state.SummaryPath = summary.Path;
        state.Timings = state.Timings with { Summary = summary.Elapsed, Ready = summary.ReadyAt };
        AddNote(state, summary.Problem);
        if (rendering is not null)
        {
            var html = await rendering.ConfigureAwait(false);
            state.HtmlPath = html.Path;
            state.Timings = state.Timings with { Report = html.Elapsed };
            AddNote(state, html.Problem);
        }

        return state.Finish(ScanOutcome.Completed, null, progress);
    }

    public async Task<HtmlReportOutcome> RenderHtmlReportAsync(string arfPath, string resultsDirectory, CancellationToken cancellationToken)
    {
        var arfBytes = new FileInfo(arfPath).Length;
        var limit = oscapOptions.Value.HtmlReportMaxArfBytes;
        if (arfBytes > limit)
        {
            return new HtmlReportOutcome(null, $"HTML report skipped: the ARF has {arfBytes} bytes, over the {limit}-byte limit (rendering needs about 25 times the ARF's size in memory).", TimeSpan.Zero);
        }

        var htmlPath = Path.Combine(resultsDirectory, ScanArtifacts.Html);
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

    private async Task<SummaryOutcome> SummarizeAsync(ImageScanRequest request, string arfPath, Func<TimeSpan> elapsed, CancellationToken cancellationToken)
    {
        // Off the caller's thread, so the summary really runs while oscap renders the HTML.
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        try
        {
            var summary = await resultReader.SummarizeFileAsync(arfPath, cancellationToken).ConfigureAwait(false);
            var summaryPath = Path.Combine(request.ResultsDirectory, ScanArtifacts.Summary);
            var output = new FileStream(summaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                await ScapSummaryJson.SerializeAsync(output, summary, cancellationToken).ConfigureAwait(false);
            }

            return new SummaryOutcome(summary, summaryPath, null, clock.Elapsed, elapsed());
        }
        catch (ScapFormatException e)
        {
            return new SummaryOutcome(null, null, "The ARF could not be summarised: " + e.Message, clock.Elapsed, elapsed());
        }
    }

    private static ImageAcquisitionRequest AcquisitionRequest(ImageScanRequest request) => new()
    {
        Source = ImageSource.Parse(request.Image),
        WorkDirectory = Path.Combine(request.WorkDirectory, "image"),
        Platform = request.Platform,
        PullPolicy = request.PullPolicy,
        DockerConfigFiles = request.DockerConfigFiles,
        Username = request.Username,
        PasswordFile = request.PasswordFile,
        InsecureRegistries = request.InsecureRegistries,
        CaFile = request.CaFile,
    };

    private static void AddNote(ScanState state, string? note)
    {
        if (note is not null)
        {
            state.Notes.Add(note);
        }
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
