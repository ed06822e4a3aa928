using System.CommandLine;
using ManageIQ.OpenScap.Analysis;
using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Scanner.CommandLine;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.Scanner.Scanning;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>scan IMAGE-REF</c>: scan an image on the configured backend (<c>Bridge:Backend</c>, or <c>--backend</c>), print the
/// summary, keep the ARF and the HTML report. The flags are the inspector's (<see cref="ScanFlags"/>).
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var flags = new ScanFlags(ScanFlagStyle.Bridge);
        var backend = new Option<string>("--backend") { Description = "local (in this process) or kubernetes (a scanning pod); default Bridge:Backend." };
        backend.AcceptOnlyFromAmong([.. ScanBackendNames.All]);
        var provider = new Option<string>("--provider") { Description = "The ManageIQ container provider id whose cluster scans (kubernetes backend)." };
        var command = new Command("scan", "Scan an image with OpenSCAP, with no daemon, here or in a scanning pod; print the summary and write the ARF and HTML report.") { backend, provider };
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            ScanInvocation invocation;
            try
            {
                invocation = flags.Bind(parse);
            }
            catch (FormatException e)
            {
                await error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.InvalidArguments;
            }

            try
            {
                return await RunAsync(invocation, parse.GetValue(backend), parse.GetValue(provider), output, error, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (invocation.OwnsWorkDirectory)
                {
                    WorkDirectories.TryDelete(invocation.Settings.WorkDirectory);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(ScanInvocation invocation, string? backendFlag, string? provider, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = ScanHost.CreateBuilder(invocation, environmentPrefix: null);
        builder.Services.AddAnalysisOptions(builder.Configuration);
        var backendName = backendFlag ?? builder.Configuration[AnalysisOptions.SectionName + ":" + nameof(AnalysisOptions.Backend)] ?? ScanBackendNames.Local;

        // The flag overrides the key, so the backend it picks is checked at start like one the key picks.
        builder.Services.PostConfigure<AnalysisOptions>(o => o.Backend = backendFlag ?? o.Backend);
        if (backendName == ScanBackendNames.Kubernetes)
        {
            builder.Services.AddKubernetesBackend(builder.Configuration, sweepOrphans: false);
        }

        using var host = await ScanHost.StartAsync(builder, error, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return ExitCodes.InvalidArguments;
        }

        var settings = invocation.Settings;
        var job = new ScanJob
        {
            JobId = "scan-" + Guid.NewGuid().ToString("N")[..12],
            Image = settings.Image.ToString(),
            ExpectedDigest = invocation.ExpectedDigest,
            ProviderId = provider,
            OutputDirectory = settings.ResultsDirectory,
            HtmlReport = settings.HtmlReport,
            DataStream = settings.ContentOverride.DataStream,
            Profile = settings.ContentOverride.Profile,
            CveUrl = settings.ContentOverride.CveFeed,
        };
        var progress = new ScanProgressPrinter(error);
        ScanReport report;
        try
        {
            report = backendName == ScanBackendNames.Local
                // Here every flag applies (credentials, platform, pull policy, work directory), not only the job's.
                ? ImageIdentityCheck.Apply(await host.Services.GetRequiredService<IImageScanner>().ScanAsync(host.Services.GetRequiredService<ScanRequestFactory>().Create(settings), progress, cancellationToken).ConfigureAwait(false), job)
                : await host.Services.GetServices<IScanBackend>().Single(b => b.Name == backendName).ScanAsync(job, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await ScanReportPrinter.PrintAsync(report, output).ConfigureAwait(false);
        return ExitCodes.For(report);
    }
}
