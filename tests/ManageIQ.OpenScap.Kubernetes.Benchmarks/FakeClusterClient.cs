using System.Diagnostics;
using System.Text.Json;

namespace ManageIQ.OpenScap.Kubernetes.Benchmarks;

/// <summary>Starts this executable again as the fake cluster and talks to it over its stdin/stdout.</summary>
internal sealed class FakeClusterClient : IDisposable
{
    private readonly Process process;

    private FakeClusterClient(Process process, Uri apiUri)
    {
        this.process = process;
        ApiUri = apiUri;
    }

    public Uri ApiUri { get; }

    public TimeSpan ProcessorTime => process.TotalProcessorTime;

    public static async Task<FakeClusterClient> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FakeClusterClient).Assembly.Location);
        }

        start.ArgumentList.Add("serve-fake");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the fake cluster process");
        var uri = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fake cluster process ended");
        return new FakeClusterClient(process, new Uri(uri));
    }

    public async Task<FakeClusterStats> SendAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fake cluster process ended");
        return JsonSerializer.Deserialize<FakeClusterStats>(line)!;
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.WriteLine("quit");
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        finally
        {
            process.Dispose();
        }
    }
}
