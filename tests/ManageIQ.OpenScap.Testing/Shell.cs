using System.Diagnostics;

namespace ManageIQ.OpenScap.Testing;

/// <summary>Runs a tool and fails loudly when it fails.</summary>
public static class Shell
{
    public static void Run(string file, params string[] arguments) => Output(file, arguments);

    /// <summary>Runs the tool and returns its standard output.</summary>
    public static string Output(string file, params string[] arguments)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException(file + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return stdout.Result;
    }
}
