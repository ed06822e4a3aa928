using ManageIQ.OpenScap.Compliance.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary><see cref="IWaiverCatalog"/> on the file; safe to call from several threads.</summary>
internal sealed class WaiverCatalog : IWaiverCatalog
{
    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private WaiverSet? _current;
    private (long, DateTime)? _stamp;
    private DateTimeOffset _lastLook;

    public WaiverCatalog(IOptions<WaiverOptions> options, TimeProvider time, ILogger<WaiverCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = string.IsNullOrWhiteSpace(options.Value.File) ? null : options.Value.File;
        _time = time;
        _logger = logger;
    }

    public WaiverSet Current
    {
        get
        {
            lock (_gate)
            {
                return _current ??= Load();
            }
        }
    }

    public WaiverChange Refresh()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                _current = Load();
                return WaiverChange.None;
            }

            var reloaded = false;
            if (_path is not null && WaiverFileReader.Stamp(_path) is var stamp && stamp != _stamp)
            {
                _stamp = stamp;
                try
                {
                    _current = WaiverFileReader.Read(_path);
                    reloaded = true;
                    Log.WaiversReloaded(_logger, _path, _current.Waivers.Count);
                }
                catch (WaiverFileException e)
                {
                    Log.WaiverFileRefused(_logger, e.Message);
                }
            }

            var now = _time.GetUtcNow();
            var expired = _current.ExpiredBetween(_lastLook, now);
            _lastLook = now;
            foreach (var waiver in expired)
            {
                Log.WaiverExpired(_logger, waiver.Id, waiver.Owner, waiver.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), waiver.Line);
            }

            return new WaiverChange(reloaded, expired);
        }
    }

    private WaiverSet Load()
    {
        _lastLook = _time.GetUtcNow();
        if (_path is null)
        {
            return WaiverSet.Empty;
        }

        // Start-up validation already refused a bad file; one that went bad since refuses the first evaluation too.
        _stamp = WaiverFileReader.Stamp(_path);
        var set = WaiverFileReader.Read(_path);
        Log.WaiversLoaded(_logger, _path, set.Waivers.Count);
        return set;
    }
}
