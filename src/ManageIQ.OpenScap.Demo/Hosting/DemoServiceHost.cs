using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Service.Observing;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ManageIQ.OpenScap.Demo.Hosting;

/// <summary>
/// <c>bridge serve</c> in the demo's process, built by <see cref="BridgeServiceHost"/> exactly as the verb builds it:
/// the local backend, the real oscap, the store and outbox, discovery and the dispatcher. Only its configuration
/// (<see cref="DemoServiceSettings"/>), its log destination (a file and the display, instead of the console) and an
/// observer are the demo's.
/// </summary>
public sealed class DemoServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoServiceHost(WebApplication app)
    {
        _app = app;
    }

    public BridgeServiceRunner Runner => _app.Services.GetRequiredService<BridgeServiceRunner>();

    public IResultStore Store => _app.Services.GetRequiredService<IResultStore>();

    public IScanQueue Queue => _app.Services.GetRequiredService<IScanQueue>();

    public IManageIqClient Client => _app.Services.GetRequiredService<IManageIqClient>();

    /// <summary>Builds and starts the service; its work begins once its start gates (the probe, the lock) open.</summary>
    public static async Task<DemoServiceHost> StartAsync(DemoServiceSettings settings, IServiceObserver observer, ILoggerProvider logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = BridgeServiceHost.CreateBuilder(null, settings.Configuration(), (services, _) =>
        {
            foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            {
                services.Remove(console);
            }

            services.AddSingleton(logs);
            services.AddSingleton(observer);
        });
        var app = BridgeServiceHost.Build(builder);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DemoServiceHost(app);
    }

    /// <summary>Waits until nothing is queued, nothing is in flight and nothing waits in the outbox.</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var busy = (await Queue.ListAsync(ScanState.Queued, 1, cancellationToken).ConfigureAwait(false)).Count > 0;
            foreach (var state in new[] { ScanState.Pulling, ScanState.Evaluating, ScanState.Publishing })
            {
                busy = busy || (await Queue.ListAsync(state, 1, cancellationToken).ConfigureAwait(false)).Count > 0;
            }

            if (!busy && await Store.CountWaitingAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
