using System.Diagnostics;
using ManageIQ.OpenScap.Scap.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// Streams an OpenSCAP result document through one XmlReader pass (DTDs prohibited, no resolver) and keeps only
/// what the summary needs, so memory stays flat whatever the input size. The XML is read synchronously (the
/// synchronous XmlReader is about twice as fast): pass a stream that allows synchronous reads, such as a file.
/// </summary>
public sealed class ScapResultReader : IScapResultReader
{
    private readonly ScapReaderOptions _options;
    private readonly ILogger<ScapResultReader> _logger;

    public ScapResultReader(IOptions<ScapReaderOptions> options, ILogger<ScapResultReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A reader with the default limits and no logging.</summary>
    public ScapResultReader()
        : this(Options.Create(new ScapReaderOptions()), NullLogger<ScapResultReader>.Instance)
    {
    }

    public async Task<ScapSummary> SummarizeAsync(Stream input, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var started = Stopwatch.GetTimestamp();
        await using var document = await ScapInput.OpenAsync(input, sourceName, _options, cancellationToken);
        try
        {
            var summary = ScapDocumentParser.Parse(document, sourceName, _options);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                Log.Summarized(_logger, sourceName, summary.Kind, summary.RuleResults, summary.FailedRules.Count, document.BytesRead, elapsed);
            }

            return summary;
        }
        catch (ScapFormatException ex)
        {
            Log.Rejected(_logger, sourceName, ex.Reason ?? ex.Message);
            throw;
        }
    }
}
