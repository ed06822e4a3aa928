using System.Diagnostics;
using System.Globalization;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>Runs a command under <c>/usr/bin/time</c> and parses its wall, CPU and peak memory.</summary>
internal static class TimedCommand
{
    public static (Measurement Measurement, string Output) Run(string file, params string[] arguments)
    {
        var report = Path.GetTempFileName();
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-o", report, "-f", "%e %U %S %M", file }.Concat(arguments))
            {
                psi.ArgumentList.Add(argument);
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException("time did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
            }

            var fields = File.ReadAllLines(report).Last(l => l.Trim().Length > 0).Split(' ');
            var measurement = new Measurement(
                double.Parse(fields[0], CultureInfo.InvariantCulture),
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                long.Parse(fields[3], CultureInfo.InvariantCulture));
            return (measurement, stdout.Result.Trim());
        }
        finally
        {
            File.Delete(report);
        }
    }
}
