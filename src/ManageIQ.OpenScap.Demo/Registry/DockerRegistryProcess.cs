using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ManageIQ.OpenScap.Demo.Registry;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.8) on 127.0.0.1 and a free port, with a configuration of the demo's
/// own (the package's listens on every interface) and its storage kept in the demo's directory, so pushed images stay
/// for the next run. Stopped, by its own process id, on dispose.
/// </summary>
public sealed class DockerRegistryProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private DockerRegistryProcess(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>: the registry part of the demo's image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string LogPath { get; }

    public static async Task<DockerRegistryProcess> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var data = Directory.CreateDirectory(Path.Combine(directory, "data")).FullName;
        var log = Path.Combine(directory, "registry.log");
        for (var attempt = 1; ; attempt++)
        {
            // A port another process takes between here and the registry's bind costs one more attempt.
            var port = FreePort();
            var config = Path.Combine(directory, "config.yml");
            await File.WriteAllTextAsync(config, $"version: 0.1\nlog: {{level: warn, accesslog: {{disabled: true}}}}\nstorage: {{filesystem: {{rootdirectory: {data}}}, delete: {{enabled: true}}}}\nhttp: {{addr: 127.0.0.1:{port}}}\n", cancellationToken).ConfigureAwait(false);
            var registry = new DockerRegistryProcess(Start(config, log), port, log);
            if (await registry.WaitUntilServingAsync(cancellationToken).ConfigureAwait(false))
            {
                return registry;
            }

            await registry.DisposeAsync().ConfigureAwait(false);
            if (attempt == 3)
            {
                throw new InvalidOperationException($"docker-registry did not serve on 127.0.0.1 within {StartTimeout}; see {log}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private static Process Start(string config, string log)
    {
        // exec: the shell only opens the log; the process id is the registry's own.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec docker-registry serve \"$1\" >>\"$2\" 2>&1");
        info.ArgumentList.Add("docker-registry");
        info.ArgumentList.Add(config);
        info.ArgumentList.Add(log);
        return Process.Start(info) ?? throw new InvalidOperationException("docker-registry did not start.");
    }

    private async Task<bool> WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var answer = await http.GetAsync(new Uri($"http://{Host}/v2/"), cancellationToken).ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
