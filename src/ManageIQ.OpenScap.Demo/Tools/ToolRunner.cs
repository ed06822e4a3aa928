using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ManageIQ.OpenScap.Demo.Tools;

/// <summary>
/// Runs the programs the demo builds its images and feed with. Every run has a deadline (the process tree is killed
/// when it passes or the demo is cancelled) and keeps a bounded amount of output; a non-zero exit is an error that
/// names the command and ends with what it wrote on standard error.
/// </summary>
public static class ToolRunner
{
    /// <summary>The most standard output kept; longer output fails the run (nothing the demo reads comes near it).</summary>
    public const int MaxOutputChars = 4 * 1024 * 1024;

    /// <summary>The tail of standard error kept for the error message.</summary>
    public const int MaxErrorChars = 16 * 1024;

    /// <summary>Runs the command to its end; throws <see cref="ToolException"/> unless it exits 0.</summary>
    public static async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        var result = await RunAnyExitAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw Failed(command, result.ExitCode, result.StandardError);
        }

        return result;
    }

    /// <summary>Runs the command to its end and returns its exit code, whatever it is.</summary>
    public static async Task<ToolResult> RunAnyExitAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var process = Start(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(command.Timeout);
        var error = Tail(process.StandardError, deadline.Token);
        var output = Bounded(process.StandardOutput, command, deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return new ToolResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new ToolException($"{command} did not finish within {command.Timeout}.");
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>
    /// Runs the command and hands its standard output to <paramref name="read"/>. When the reader has what it needs it
    /// may return early: the program is then stopped, and its exit does not count. Otherwise it must exit 0.
    /// </summary>
    public static async Task<T> ReadAsync<T>(ToolCommand command, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(read);
        using var process = Start(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(command.Timeout);
        var error = Tail(process.StandardError, deadline.Token);
        try
        {
            var value = await read(process.StandardOutput.BaseStream, deadline.Token).ConfigureAwait(false);

            // A reader that read to the end sees the program exit at once; one that stopped early stops it below.
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            settle.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await process.WaitForExitAsync(settle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
            }

            if (process.HasExited && process.ExitCode != 0)
            {
                throw Failed(command, process.ExitCode, await error.ConfigureAwait(false));
            }

            return value;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolException($"{command} did not finish within {command.Timeout}.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The reader's complaint is the clearer one, unless the program itself failed first.
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw process.ExitCode is not 0 and not 137 and not 143
                ? Failed(command, process.ExitCode, await error.ConfigureAwait(false))
                : e;
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>Whether <paramref name="program"/> is an executable file on <c>PATH</c>.</summary>
    public static bool IsOnPath(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = Path.Combine(directory, program);
            if (File.Exists(file) && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static Process Start(ToolCommand command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Messages the demo reads are the untranslated ones.
        info.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        try
        {
            var process = Process.Start(info) ?? throw new ToolException($"{command.FileName} did not start.");
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception e)
        {
            throw new ToolException($"{command.FileName} could not be started ({e.Message}); run tests/setup.sh to install what the demo needs.", e);
        }
    }

    private static async Task<string> Bounded(StreamReader reader, ToolCommand command, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read > MaxOutputChars)
            {
                throw new ToolException($"{command} wrote more than {MaxOutputChars} characters on standard output.");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private static async Task<string> Tail(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > MaxErrorChars)
                {
                    text.Remove(0, text.Length - MaxErrorChars);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return text.ToString();
    }

    private static ToolException Failed(ToolCommand command, int exitCode, string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tail = string.Join(" | ", lines.TakeLast(6));
        return new ToolException($"{command} exited with {exitCode}" + (tail.Length == 0 ? "." : ": " + tail));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }
}
