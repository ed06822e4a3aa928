using System.Diagnostics;

namespace ManageIQ.OpenScap.Containers.Tests.Support;

/// <summary>Runs podman with the containers.conf that tests/containers.sh wrote (<see cref="ContainerImages"/>).</summary>
public static class Podman
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Text => Output + Error;
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("podman did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs podman and fails the test when it fails; returns its standard output.</summary>
    public static async Task<string> CheckAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, cancellationToken);
        Assert.That(result.ExitCode, Is.Zero, $"podman {string.Join(' ', list)}: {result.Text}");
        return result.Output;
    }

    /// <summary>Starts a long-running podman command (a served container, a followed log).</summary>
    public static Process Start(IEnumerable<string> arguments) =>
        Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("podman did not start");

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["CONTAINERS_CONF"] = ContainerImages.ContainersConf;
        return psi;
    }
}
