using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Demo.Hosting;

/// <summary>
/// Where the in-process service's logs go during the demo: every line to a file (the live display owns the terminal),
/// and warnings and errors also to <paramref name="warn"/>, so nothing that goes wrong is hidden. Two are expected and
/// stay in the file: the plain-HTTP warning about the emulator on 127.0.0.1, and what the demo's own stop logs.
/// </summary>
public sealed class DemoLogSink(string path, Action<string> warn) : ILoggerProvider
{
    private static readonly string[] FileOnly = [typeof(ManageIq.Configuration.ManageIqClientOptionsValidator).FullName!];
    private readonly Lock _gate = new();
    private volatile bool _stopping;
    private readonly StreamWriter _writer = new(path, append: true, Encoding.UTF8) { AutoFlush = true };

    public string Path => path;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The demo is stopping the service: what it logs from now on goes to the file only.</summary>
    public void Stopping() => _stopping = true;

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {Short(level)} {category}: {message}{(exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message)}");
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A line logged while the host stops, after the demo closed its log.
            }
        }

        if (level >= LogLevel.Warning && !_stopping && !FileOnly.Contains(category, StringComparer.Ordinal))
        {
            warn($"{Short(level)} {category[(category.LastIndexOf('.') + 1)..]}: {message}");
        }
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(DemoLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                sink.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
