using System.Diagnostics;
using System.Text;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// A program of the project run as its own process (<c>dotnet X.dll</c> from the test's output
/// directory), so its console logs are captured with its output. When the tests run as root it can
/// run unprivileged instead (setpriv to nobody), as the scanning pod does.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>The uid and gid of nobody / nogroup.</summary>
    public const int NobodyId = 65534;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _reading;

    private ChildProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(Pump(process.StandardOutput, _output), Pump(process.StandardError, _error));
    }

    /// <summary>Standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard error (where the console logs go) so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Whether <see cref="Start"/> with <c>unprivileged: true</c> really drops privileges here.</summary>
    public static bool CanDropPrivileges => Environment.IsPrivilegedProcess && File.Exists("/usr/bin/setpriv");

    /// <summary>
    /// Starts <paramref name="assembly"/> (a file name in the test's output directory) with
    /// <paramref name="arguments"/>; <paramref name="unprivileged"/> runs it as nobody when the test runs as root.
    /// </summary>
    public static ChildProcess Start(string assembly, IEnumerable<string> arguments, bool unprivileged = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = Path.Combine(AppContext.BaseDirectory, assembly);
        var drop = unprivileged && CanDropPrivileges;
        var psi = new ProcessStartInfo(drop ? "/usr/bin/setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (drop)
        {
            foreach (var a in new[] { $"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", "--", "dotnet" })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["HOME"] = "/nonexistent";
        }

        psi.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(psi) ?? throw new InvalidOperationException($"{assembly} did not start"));
    }

    /// <summary>Runs to the end and returns the finished process.</summary>
    public static async Task<ChildProcess> RunAsync(string assembly, IEnumerable<string> arguments, bool unprivileged, CancellationToken cancellationToken)
    {
        var child = Start(assembly, arguments, unprivileged);
        await child.WaitForExitAsync(cancellationToken);
        return child;
    }

    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _reading.WaitAsync(cancellationToken);
    }

    /// <summary>Waits until standard error holds <paramref name="text"/>; false when the process ended first.</summary>
    public Task<bool> WaitForErrorAsync(string text, CancellationToken cancellationToken) => WaitForAsync(() => Error, text, cancellationToken);

    /// <summary>Waits until standard output holds <paramref name="text"/>; false when the process ended first.</summary>
    public Task<bool> WaitForOutputAsync(string text, CancellationToken cancellationToken) => WaitForAsync(() => Output, text, cancellationToken);

    /// <summary>Asks the process to stop (SIGTERM, as Kubernetes does), so it shuts down and flushes its logs.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            await _reading.WaitAsync(cancellationToken);
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StopTimeout);
        await WaitForExitAsync(deadline.Token);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, for a test that signals it.</summary>
    public int Id => _process.Id;

    /// <summary>Kills the process with SIGKILL, as a crash or the OOM killer would: no shutdown, no flush.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Gives <paramref name="path"/> (a directory tree the test owns) to nobody, for an unprivileged child.</summary>
    public static void GiveToNobody(string path)
    {
        if (!CanDropPrivileges)
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", $"{NobodyId}:{NobodyId}", path]) ?? throw new InvalidOperationException("chown did not start");
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R {path} failed");
        }
    }

    private async Task<bool> WaitForAsync(Func<string> stream, string text, CancellationToken cancellationToken)
    {
        while (!stream().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await _reading.WaitAsync(cancellationToken);
                return stream().Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
