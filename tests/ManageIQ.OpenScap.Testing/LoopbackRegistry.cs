using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Debian's <c>docker-registry serve</c> (distribution 2.8) started with a configuration of its own on
/// 127.0.0.1 and a free port, storing in a temporary directory, optionally behind htpasswd Basic
/// authentication (bcrypt via apache2-utils' <c>htpasswd -Bbn</c>). Plain HTTP: clients must treat
/// <see cref="Host"/> as an insecure registry. Stopped and removed on dispose.
/// </summary>
public sealed class LoopbackRegistry : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _directory;
    private readonly Process _process;

    private LoopbackRegistry(TempDirectory directory, Process process, int port, string? username, string? password)
    {
        _directory = directory;
        _process = process;
        Port = port;
        Username = username;
        Password = password;
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>, the registry part of image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public Uri BaseUri => new($"http://{Host}/");

    public string? Username { get; }

    public string? Password { get; }

    /// <summary>The registry's own log (useful in assertion messages).</summary>
    public string LogPath => _directory.Combine("registry.log");

    /// <summary>Starts a registry; with <paramref name="username"/> it requires Basic authentication.</summary>
    public static async Task<LoopbackRegistry> StartAsync(string? username = null, string? password = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var directory = new TempDirectory("miq-registry-");
            try
            {
                var port = FreePort();
                var config = await WriteConfigAsync(directory, port, username, password, cancellationToken);
                var process = Start(directory, config);
                var registry = new LoopbackRegistry(directory, process, port, username, password);
                if (await registry.WaitUntilServingAsync(cancellationToken))
                {
                    return registry;
                }

                var log = File.Exists(registry.LogPath) ? await File.ReadAllTextAsync(registry.LogPath, cancellationToken) : string.Empty;
                await registry.DisposeAsync();
                if (attempt == 3)
                {
                    throw new InvalidOperationException("docker-registry did not start: " + log);
                }
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }
    }

    /// <summary>An HTTP client for the registry API, sending the Basic credentials when there are any.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromMinutes(2) };
        if (Username is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            _directory.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> WriteConfigAsync(TempDirectory directory, int port, string? username, string? password, CancellationToken cancellationToken)
    {
        var auth = string.Empty;
        if (username is not null)
        {
            var htpasswd = directory.Combine("htpasswd");
            await File.WriteAllTextAsync(htpasswd, await HtpasswdAsync(username, password ?? string.Empty, cancellationToken), cancellationToken);
            auth = $"auth:\n  htpasswd:\n    realm: loopback-registry\n    path: {htpasswd}\n";
        }

        var config = directory.Combine("config.yml");
        await File.WriteAllTextAsync(config,
            "version: 0.1\n" +
            "log:\n  level: warn\n  accesslog:\n    disabled: true\n" +
            $"storage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: {directory.Combine("data")}\n  delete:\n    enabled: true\n" +
            "  maintenance:\n    uploadpurging:\n      enabled: false\n" +
            $"http:\n  addr: 127.0.0.1:{port}\n  secret: loopback-test-secret\n  headers:\n    X-Content-Type-Options: [nosniff]\n" +
            auth,
            cancellationToken);
        return config;
    }

    private static async Task<string> HtpasswdAsync(string username, string password, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("htpasswd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-Bbn", username, password })
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("htpasswd did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException("htpasswd failed: " + await process.StandardError.ReadToEndAsync(cancellationToken));
    }

    private static Process Start(TempDirectory directory, string config)
    {
        // exec keeps one process to kill; output goes to a file so a full pipe never blocks the registry.
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec docker-registry serve \"$0\" >\"$1\" 2>&1");
        psi.ArgumentList.Add(config);
        psi.ArgumentList.Add(directory.Combine("registry.log"));
        return Process.Start(psi) ?? throw new InvalidOperationException("docker-registry did not start");
    }

    private async Task<bool> WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUri, "v2/"), cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
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

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }
}
