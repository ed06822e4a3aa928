using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Tests;

/// <summary>
/// Logs an operator can ship: every line the scan pipeline writes while a scan runs (the dispatcher's, the scanner's,
/// the image acquisition's, the analysis') carries the scan id, the image and the provider in its scopes, which the
/// JSON console formatter writes out.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ScanLogScopeTests
{
    [Test]
    [CancelAfter(600_000)]
    public async Task EveryLineOfAScan_CarriesTheScanIdTheImageAndTheProvider(CancellationToken cancellationToken)
    {
        await using var rig = await ServiceRig.StartAsync(cancellationToken, new Newtonsoft.Json.Linq.JObject
        {
            ["Logging"] = new Newtonsoft.Json.Linq.JObject { ["LogLevel"] = new Newtonsoft.Json.Linq.JObject { ["Default"] = "Debug" } },
        });
        var built = await rig.PushDebianAsync("apps/logged", "1.0", cancellationToken);
        var id = await rig.AddImageAsync("apps/logged", "1.0", built.ManifestDigest, cancellationToken);
        var capture = new ScopeCapturingProvider();

        var app = await ServiceRig.StartServiceAsync(rig.ConfigPath, rig.Counter, (services, _) => services.AddSingleton<ILoggerProvider>(capture), waitForWork: true, cancellationToken);
        await using (app)
        {
            await ServiceRig.WaitUntilAsync(async () => (await rig.OpenScapAttributesAsync(id, cancellationToken)).ContainsKey("openscap_status"), cancellationToken);
            var scanId = (await rig.OpenScapAttributesAsync(id, cancellationToken))["openscap_scan_id"];
            await app.StopAsync(cancellationToken);

            var pipeline = capture.Records
                .Where(r => r.Category.StartsWith("ManageIQ.OpenScap.Scanner", StringComparison.Ordinal)
                    || r.Category.StartsWith("ManageIQ.OpenScap.Images", StringComparison.Ordinal)
                    || r.Category.StartsWith("ManageIQ.OpenScap.Analysis", StringComparison.Ordinal))
                .ToList();
            Assert.That(pipeline, Is.Not.Empty, "the scan pipeline logged");
            foreach (var record in pipeline)
            {
                Assert.That(
                    (Scope(record, "ScanId"), Scope(record, "ImageId"), Scope(record, "ProviderId")),
                    Is.EqualTo((scanId, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ServiceRig.Provider.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    $"{record.Category}[{record.EventId}]: {record.Message}");
            }

            var dispatcherLines = capture.Records.Where(r => r.Category == "ManageIQ.OpenScap.Service.Dispatch.ScanExecution").ToList();
            Assert.That(dispatcherLines, Is.Not.Empty);
            Assert.That(dispatcherLines.Select(r => Scope(r, "QueuedScanId")), Has.All.Not.Null, "the dispatcher's lines name the queued scan");
        }
    }

    private static string? Scope(CapturedRecord record, string key) =>
        record.Scopes.LastOrDefault(s => s.ContainsKey(key)) is { } scope ? Convert.ToString(scope[key], System.Globalization.CultureInfo.InvariantCulture) : null;

    private sealed record CapturedRecord(string Category, int EventId, string Message, IReadOnlyList<IReadOnlyDictionary<string, object?>> Scopes);

    private sealed class ScopeCapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<CapturedRecord> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ScopeCapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<IReadOnlyDictionary<string, object?>>();
                owner._scopes.ForEachScope(
                    (scope, list) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            list.Add(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                        }
                    },
                    scopes);
                owner.Records.Enqueue(new CapturedRecord(category, eventId.Id, formatter(state, exception), scopes));
            }
        }
    }
}
