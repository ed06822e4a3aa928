using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>Starts this executable again as the emulator (<see cref="EmulatorProcess"/>) and talks to it over its stdin/stdout.</summary>
internal sealed class EmulatorProcessClient : IDisposable
{
    private readonly Process _process;

    private EmulatorProcessClient(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The emulator process's CPU time so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<EmulatorProcessClient> StartAsync(int providers, int images)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmulatorProcessClient).Assembly.Location);
        }

        start.ArgumentList.Add("serve-emulator");
        start.ArgumentList.Add(providers.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(images.ToString(CultureInfo.InvariantCulture));
        // The emulator is not what is measured: the workstation GC keeps its footprint small on the 2 cores.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator process");
        var uri = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the emulator process ended before it listened");
        return new EmulatorProcessClient(process, new Uri(uri));
    }

    public Task<EmulatorStats> StatsAsync() => SendAsync("stats");

    /// <summary>Answers once <paramref name="images"/> images have their results in the emulator, or after <paramref name="limit"/>.</summary>
    public Task<EmulatorStats> WaitForResultsAsync(int images, TimeSpan limit) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"wait {images} {limit.TotalSeconds:F0}"));

    private async Task<EmulatorStats> SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the emulator process ended");
        return JsonSerializer.Deserialize<EmulatorStats>(line)!;
    }

    public void Dispose()
    {
        try
        {
            try
            {
                _process.StandardInput.WriteLine("quit");
            }
            catch (IOException)
            {
                // It ended already.
            }

            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
