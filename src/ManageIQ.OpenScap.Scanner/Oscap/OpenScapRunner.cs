using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Builds oscap command lines and environments, and judges their outcome.</summary>
internal sealed class OpenScapRunner(IOscapProcess process, IOptions<OscapOptions> options, ILogger<OpenScapRunner> logger) : IOpenScapRunner, IDisposable
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim versionLock = new(1, 1);
    private Version? version;

    public void Dispose() => versionLock.Dispose();

    public async Task<Version> GetVersionAsync(CancellationToken cancellationToken)
    {
        if (version is not null)
        {
            return version;
        }

        await versionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (version is null)
            {
                var result = await process.RunAsync(
                    new OscapInvocation { Arguments = ["--version"], WorkingDirectory = Path.GetTempPath(), Timeout = VersionTimeout },
                    cancellationToken).ConfigureAwait(false);
                try
                {
                    version = OscapVersion.Parse(result.StandardOutputTail + "\n" + result.StandardError);
                }
                catch (FormatException e)
                {
                    throw new OpenScapException(e.Message, result.ExitCode, OscapStandardError.ErrorLines(result.StandardError));
                }

                var needsWorkaround = OscapVersion.NeedsAptConfigWorkaround(version);
                Log.OscapVersionDetected(logger, version, needsWorkaround);
            }

            return version;
        }
        finally
        {
            versionLock.Release();
        }
    }

    public async Task<OscapEvaluationResult> EvaluateAsync(XccdfEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        List<string> arguments = ["xccdf", "eval", "--profile", evaluation.Profile];
        if (evaluation.TailoringFile is not null)
        {
            arguments.AddRange(["--tailoring-file", evaluation.TailoringFile]);
        }

        if (evaluation.LocalFilesDirectory is not null)
        {
            arguments.AddRange(["--local-files", evaluation.LocalFilesDirectory]);
        }

        arguments.AddRange(["--results-arf", evaluation.ArfPath, evaluation.DataStreamPath]);
        return await EvaluateAsync(arguments, evaluation.ProbeRoot, evaluation.Target, evaluation.WorkDirectory, evaluation.ArfPath, evaluation.RpmDatabaseDirectory, completedCodes: [0, 2], cancellationToken).ConfigureAwait(false);
    }

    public async Task<OscapEvaluationResult> EvaluateOvalAsync(OvalEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        List<string> arguments = ["oval", "eval", "--results", evaluation.ResultsPath, evaluation.DefinitionsPath];
        // oval eval exits 0 whatever the definitions' results; findings are read from the results file.
        return await EvaluateAsync(arguments, evaluation.ProbeRoot, evaluation.Target, evaluation.WorkDirectory, evaluation.ResultsPath, evaluation.RpmDatabaseDirectory, completedCodes: [0], cancellationToken).ConfigureAwait(false);
    }

    public async Task<TimeSpan> GenerateHtmlReportAsync(string arfPath, string htmlPath, CancellationToken cancellationToken)
    {
        var result = await process.RunAsync(
            new OscapInvocation
            {
                Arguments = ["xccdf", "generate", "report", "--output", htmlPath, arfPath],
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!,
                Timeout = options.Value.ReportTimeout,
            },
            cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            throw new OpenScapException($"The HTML report was not finished within {options.Value.ReportTimeout} and was stopped.", -1, []);
        }

        if (result.ExitCode != 0 || !File.Exists(htmlPath))
        {
            throw Failure("oscap xccdf generate report", result);
        }

        return result.Elapsed;
    }

    private async Task<OscapEvaluationResult> EvaluateAsync(List<string> arguments, string probeRoot, string target, string workDirectory, string resultPath, string? rpmDatabaseDirectory, int[] completedCodes, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(probeRoot);
        if (!Directory.Exists(root))
        {
            throw new OpenScapException($"The root filesystem {root} does not exist.");
        }

        Directory.CreateDirectory(workDirectory);
        if (!ContainerMarker.Mark(root))
        {
            Log.ContainerMarkerSkipped(logger, root);
        }

        var environment = new Dictionary<string, string>
        {
            ["OSCAP_PROBE_ROOT"] = root,
            ["OSCAP_EVALUATION_TARGET"] = target,
        };
        if (OscapVersion.NeedsAptConfigWorkaround(await GetVersionAsync(cancellationToken).ConfigureAwait(false)))
        {
            environment["APT_CONFIG"] = AptConfigWorkaround.Write(workDirectory);
        }

        if (rpmDatabaseDirectory is not null)
        {
            environment["HOME"] = RpmMacrosWorkaround.Write(workDirectory, rpmDatabaseDirectory);
        }

        File.Delete(resultPath);
        var result = await process.RunAsync(
            new OscapInvocation { Arguments = arguments, Environment = environment, WorkingDirectory = workDirectory, Timeout = options.Value.Timeout },
            cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            throw new OpenScapException($"oscap did not finish within {options.Value.Timeout} and was stopped.", -1, OscapStandardError.ErrorLines(result.StandardError));
        }

        if (OscapStandardError.HasDpkginfoFailure(result.StandardError))
        {
            // The probe then reports every package as absent: the results would be silently wrong.
            throw new OpenScapException(
                "oscap's dpkginfo probe failed, so installed packages could not be read: " + string.Join("; ", OscapStandardError.ErrorLines(result.StandardError)),
                result.ExitCode,
                OscapStandardError.ErrorLines(result.StandardError));
        }

        if (OscapStandardError.HasChrootFailure(result.StandardError))
        {
            // The RPM probes then read the scanner's own RPM database (rpm-helper.c): results of the wrong system.
            throw new OpenScapException(
                OscapStandardError.RpmNeedsChroot + ": oscap's RPM probe could not chroot() into the image, so it would read the scanner's own RPM database: " + string.Join("; ", OscapStandardError.ErrorLines(result.StandardError).Take(3)),
                result.ExitCode,
                OscapStandardError.ErrorLines(result.StandardError));
        }

        if (!completedCodes.Contains(result.ExitCode))
        {
            throw Failure("oscap " + arguments[0] + " eval", result);
        }

        if (!File.Exists(resultPath))
        {
            throw new OpenScapException($"oscap exited with status {result.ExitCode} but wrote no {Path.GetFileName(resultPath)}.", result.ExitCode, OscapStandardError.ErrorLines(result.StandardError));
        }

        return new OscapEvaluationResult(result.ExitCode, resultPath, result.Elapsed, Warnings(result.StandardError));
    }

    private static OpenScapException Failure(string what, OscapProcessResult result)
    {
        var detail = OscapStandardError.Describe(result.StandardError);
        if (detail.Length == 0)
        {
            detail = LastLine(result.StandardOutputTail) ?? "no error message";
        }

        return new OpenScapException($"{what} exited with status {result.ExitCode}: {detail}", result.ExitCode, OscapStandardError.ErrorLines(result.StandardError));
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    private static List<string> Warnings(string standardError) =>
        standardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("W:", StringComparison.Ordinal) || l.StartsWith("WARNING:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(20)
            .ToList();
}
