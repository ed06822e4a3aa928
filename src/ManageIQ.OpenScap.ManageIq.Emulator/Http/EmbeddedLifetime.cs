using Microsoft.Extensions.Hosting;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// A host lifetime that leaves process signals alone: the emulator is embedded in tests and in the bridge's
/// <c>emulator</c> verb, whose owners decide when it stops (the default console lifetime would swallow Ctrl-C).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
