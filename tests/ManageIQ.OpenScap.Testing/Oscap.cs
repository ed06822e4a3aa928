using System.Diagnostics;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Runs the real <c>oscap</c> for tests that need genuine results, with the offline settings the
/// reference documents: OSCAP_PROBE_ROOT, OSCAP_EVALUATION_TARGET and the APT_CONFIG work-around
/// for oscap 1.3.7's dpkginfo probe.
/// </summary>
public static class Oscap
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string probeRoot, string workDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var aptConfig = WriteAptConfig(workDirectory);
        var psi = new ProcessStartInfo("oscap")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["OSCAP_PROBE_ROOT"] = probeRoot;
        psi.Environment["OSCAP_EVALUATION_TARGET"] = "synthetic-debian12";
        psi.Environment["APT_CONFIG"] = aptConfig;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("oscap did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var result = new Result(process.ExitCode, await stdout, await stderr);
        if (result.StandardError.Contains("dpkginfo_init has failed", StringComparison.Ordinal))
        {
            Assert.Fail("oscap's dpkginfo probe failed: " + result.StandardError);
        }

        return result;
    }

    /// <summary>Writes the two-line apt configuration that keeps libapt-pkg away from the host's settings.</summary>
    public static string WriteAptConfig(string workDirectory)
    {
        var empty = Path.Combine(workDirectory, "apt-empty-parts");
        Directory.CreateDirectory(empty);
        var conf = Path.Combine(workDirectory, "apt-oscap.conf");
        File.WriteAllText(conf, $"Dir::Etc::parts \"{empty}\";\nDir::Cache \"/nonexistent-oscap-apt-cache/\";\n");
        return conf;
    }
}
