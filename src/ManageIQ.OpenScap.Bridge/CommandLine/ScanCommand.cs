using System.CommandLine;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Scanner;
using ManageIQ.OpenScap.Scanner.Content;
using ManageIQ.OpenScap.Scanner.Feeds;
using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Scap;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary><c>scan IMAGE-REF</c>: pull, unpack and scan an image, print the summary, keep the ARF and the HTML report.</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE-REF") { Description = "A registry reference, oci:PATH[:TAG] or docker-archive:PATH." };
        var outputDirectory = new Option<string>("--output-dir") { Description = "Where results-arf.xml, results.html and summary.json go.", DefaultValueFactory = _ => "scan-results" };
        var workDirectory = new Option<string>("--work-dir") { Description = "Unpack root and downloads; a temporary directory (removed afterwards) when not given." };
        var insecure = new Option<string[]>("--insecure-registry") { Description = "HOST[:PORT] reached over plain HTTP; repeatable." };
        var dockerConfig = new Option<string[]>("--dockercfg") { Description = "Docker config file with registry credentials; repeatable." };
        var username = new Option<string>("--username") { Description = "Registry user name (with --password-file)." };
        var passwordFile = new Option<string>("--password-file") { Description = "File holding the registry password." };
        var platform = new Option<string>("--platform") { Description = "OS/ARCH[/VARIANT].", DefaultValueFactory = _ => "linux/amd64" };
        var profile = new Option<string>("--ssg-profile") { Description = "Profile instead of the one mapped for the distribution." };
        var dataStream = new Option<string>("--ssg-datastream") { Description = "Data stream to use whatever the distribution." };
        var cveUrl = new Option<string>("--cve-url") { Description = "CVE OVAL feed URL or path (.xml, .bz2, .gz), or a base URL." };
        var cvePolicy = new Option<CveFeedPolicy>("--cve-feed-policy") { Description = "optional, required or disabled.", DefaultValueFactory = _ => CveFeedPolicy.Optional };
        var noHtml = new Option<bool>("--no-html") { Description = "Skip the HTML report." };
        var command = new Command("scan", "Pull an image with no daemon, scan it with OpenSCAP, print the summary and write the ARF and HTML report.")
        {
            image, outputDirectory, workDirectory, insecure, dockerConfig, username, passwordFile, platform, profile, dataStream, cveUrl, cvePolicy, noHtml,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var temporaryWork = parse.GetValue(workDirectory) is null;
            var work = Path.GetFullPath(parse.GetValue(workDirectory) ?? Directory.CreateTempSubdirectory("miq-scan-").FullName);
            try
            {
                ImageScanRequest request;
                try
                {
                    request = new ImageScanRequest
                    {
                        Image = Validated(parse.GetValue(image)!),
                        WorkDirectory = work,
                        ResultsDirectory = Path.GetFullPath(parse.GetValue(outputDirectory)!),
                        Platform = ImagePlatform.Parse(parse.GetValue(platform)!),
                        DockerConfigFiles = parse.GetValue(dockerConfig) ?? [],
                        Username = parse.GetValue(username),
                        PasswordFile = parse.GetValue(passwordFile),
                        InsecureRegistries = parse.GetValue(insecure) ?? [],
                        HtmlReport = !parse.GetValue(noHtml),
                        ContentOverride = new ScapContentOverride(parse.GetValue(dataStream), parse.GetValue(profile), parse.GetValue(cveUrl)),
                        CveFeedPolicy = parse.GetValue(cvePolicy),
                    };
                }
                catch (FormatException e)
                {
                    await error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
                    return ScanExitCodes.InvalidArguments;
                }

                return await RunAsync(request, output, error, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (temporaryWork)
                {
                    TryDelete(work);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(ImageScanRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddImageScanner();
        await using var provider = services.BuildServiceProvider();
        ImageScanResult result;
        try
        {
            result = await provider.GetRequiredService<IImageScanner>().ScanAsync(request, new ScanProgressPrinter(error), cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
            return ScanExitCodes.InvalidArguments;
        }
        catch (OperationCanceledException)
        {
            return ScanExitCodes.Cancelled;
        }

        await PrintAsync(result, output).ConfigureAwait(false);
        return ScanExitCodes.ForResult(result);
    }

    private static async Task PrintAsync(ImageScanResult result, TextWriter output)
    {
        if (result.Outcome != ScanOutcome.Completed)
        {
            await output.WriteLineAsync((result.Outcome == ScanOutcome.ImageAcquireFailed ? "Image acquisition failed: " : "OpenSCAP Error: ") + result.ErrorMessage).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"Image:        {result.Image?.ImageId} ({result.Image?.OsRelease})").ConfigureAwait(false);
        await output.WriteLineAsync($"Content:      {result.Content?.DataStreamPath} profile {result.EvaluatedProfile}").ConfigureAwait(false);
        if (result.CveFeed is { } feed)
        {
            await output.WriteLineAsync($"CVE feed:     {feed.Location}{(feed.FromCache ? " (cached)" : string.Empty)}").ConfigureAwait(false);
        }

        if (result.Summary is { } summary)
        {
            ScapSummaryText.Write(output, summary);
        }

        foreach (var note in result.Notes)
        {
            await output.WriteLineAsync("Note: " + note).ConfigureAwait(false);
        }

        await output.WriteLineAsync("ARF:          " + result.ArfPath).ConfigureAwait(false);
        if (result.HtmlPath is not null)
        {
            await output.WriteLineAsync("HTML report:  " + result.HtmlPath).ConfigureAwait(false);
        }

        var t = result.Timings;
        await output.WriteLineAsync(FormattableString.Invariant($"Time:         pull {t.Pull.TotalSeconds:0.0} s, unpack {t.Unpack.TotalSeconds:0.0} s, oscap {t.Oscap.TotalSeconds:0.0} s, report {t.Report.TotalSeconds:0.0} s, total {t.Total.TotalSeconds:0.0} s")).ConfigureAwait(false);
    }

    // Rejects a malformed reference before anything is downloaded.
    private static string Validated(string image)
    {
        _ = ImageSource.Parse(image);
        return image;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory must not turn a finished scan into a failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
