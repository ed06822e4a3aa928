using System.Diagnostics;
using System.Globalization;

namespace ManageIQ.OpenScap.Oval.Benchmarks;

/// <summary>Runs a process under <c>/usr/bin/time -v</c> and reads its wall time and maximum resident set size.</summary>
internal static class TimedProcess
{
    public static async Task<Measurement> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workDirectory)
    {
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workDirectory };
        psi.ArgumentList.Add("-v");
        psi.ArgumentList.Add(file);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("/usr/bin/time did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;

        // oscap exits 2 when a rule failed: a result, not an error.
        if (process.ExitCode is not (0 or 2))
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {error[..Math.Min(error.Length, 2000)]}");
        }

        double? seconds = null, kilobytes = null;
        foreach (var line in error.Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith("Elapsed (wall clock) time", StringComparison.Ordinal))
            {
                seconds = WallSeconds(text[(text.LastIndexOf(' ') + 1)..]);
            }
            else if (text.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal))
            {
                kilobytes = double.Parse(text[(text.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return new Measurement(seconds ?? throw new InvalidOperationException("no wall time in: " + error), (kilobytes ?? 0) / 1024);
    }

    /// <summary>GNU time's <c>h:mm:ss</c> or <c>m:ss.ss</c>.</summary>
    private static double WallSeconds(string text)
    {
        var parts = text.Split(':');
        var total = 0.0;
        foreach (var part in parts)
        {
            total = (total * 60) + double.Parse(part, CultureInfo.InvariantCulture);
        }

        return total;
    }
}
