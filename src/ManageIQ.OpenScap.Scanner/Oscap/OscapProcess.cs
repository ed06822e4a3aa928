using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>Runs oscap as a child process with a minimal environment, bounded output capture and a hard time limit.</summary>
internal sealed class OscapProcess(IOptions<OscapOptions> options, ILogger<OscapProcess> logger) : IOscapProcess
{
    private const int MaxStandardErrorChars = 256 * 1024;
    private const int StandardOutputHeadLines = 5;
    private const int StandardOutputTailLines = 40;

    public async Task<OscapProcessResult> RunAsync(OscapInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var psi = new ProcessStartInfo(options.Value.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = invocation.WorkingDirectory,
        };
        foreach (var argument in invocation.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        // Nothing of this process's environment reaches oscap unless the allow-list names it.
        psi.Environment.Clear();
        foreach (var (name, value) in OscapEnvironment.Build(invocation.Environment, Environment.GetEnvironmentVariable))
        {
            psi.Environment[name] = value;
        }

        using var process = new Process { StartInfo = psi };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new OpenScapException($"Cannot start '{options.Value.Executable}': {e.Message}. Is openscap-scanner installed?", e);
        }

        process.StandardInput.Close();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var commandLine = string.Join(' ', invocation.Arguments);
            Log.OscapStarted(logger, process.Id, commandLine);
        }
        var stderr = ReadBoundedAsync(process.StandardError);
        var stdout = ReadTailAsync(process.StandardOutput);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(invocation.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (!timedOut)
            {
                throw;
            }
        }

        var error = await stderr.ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var exitCode = timedOut ? -1 : process.ExitCode;
        Log.OscapExited(logger, process.Id, exitCode, stopwatch.Elapsed.TotalSeconds);
        return new OscapProcessResult(exitCode, error, output, stopwatch.Elapsed, timedOut);
    }

    private void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception e)
        {
            Log.OscapKillFailed(logger, process.Id, e.Message);
        }
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            // Keep draining after the cap so the child never blocks on a full pipe.
            var room = MaxStandardErrorChars - text.Length;
            if (room > 0)
            {
                text.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return text.ToString();
    }

    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        // The head holds the version banner; the tail the last results and messages.
        var head = new List<string>(StandardOutputHeadLines);
        var tail = new Queue<string>(StandardOutputTailLines);
        var skipped = false;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (head.Count < StandardOutputHeadLines)
            {
                head.Add(line);
                continue;
            }

            if (tail.Count == StandardOutputTailLines)
            {
                tail.Dequeue();
                skipped = true;
            }

            tail.Enqueue(line);
        }

        return string.Join('\n', skipped ? [.. head, "...", .. tail] : head.Concat(tail));
    }
}
