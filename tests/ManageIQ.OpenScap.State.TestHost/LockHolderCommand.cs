using System.Runtime.InteropServices;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.State.Leadership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.TestHost;

/// <summary>A second bridge process for the file lock tests, wired as <c>bridge serve</c> wires the guard.</summary>
internal static class LockHolderCommand
{
    public static async Task<int> RunAsync(string stateDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:StateDirectory"] = stateDirectory,
            ["Bridge:Leadership:Mode"] = "file",
            ["Bridge:Leadership:RetryPeriod"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection();
        // Console logs go to standard error, where the test reads them.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddStateStore(configuration);
        services.AddFileLockGuard(configuration);
        // No ValidateOnBuild: the outbox publisher AddStateStore registers needs a ManageIQ client this command never uses.
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        using var stop = new CancellationTokenSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var guard = provider.GetRequiredService<IActiveGuard>();
        try
        {
            await using var lease = await guard.AcquireAsync(stop.Token);
            Console.WriteLine($"locked {lease.HolderIdentity}");
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("stopped before locking");
            return 1;
        }

        Console.WriteLine("released");
        return 0;
    }
}
