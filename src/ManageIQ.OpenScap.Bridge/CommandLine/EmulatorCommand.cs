using System.CommandLine;
using System.Net;
using ManageIQ.OpenScap.Contracts.Scanning;
using System.Runtime.InteropServices;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>emulator --listen 127.0.0.1:PORT [--seed FILE] [--control]</c>: runs the ManageIQ REST API emulator until Ctrl-C,
/// so the bridge can be tried with no appliance (default user admin, password smartvm). <c>--control</c> adds the
/// <c>/emulator</c> routes that steer it from another process (docs/emulator.md).
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "ADDRESS:PORT to listen on; loopback unless another address is given (port 0 picks a free one).",
            DefaultValueFactory = _ => "127.0.0.1:3000",
        };
        var seed = new Option<FileInfo?>("--seed") { Description = "A JSON seed file (zones, providers, images, Control fixtures); default: the built-in appliance." };
        var control = new Option<bool>("--control")
        {
            Description = "Also serve the unauthenticated /emulator routes: the request log, injected faults, images added and archived (for tests).",
        };
        var command = new Command("emulator", "Run an emulated ManageIQ REST API (the subset the bridge uses) for trying the bridge without an appliance.") { listen, seed, control };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TryParseEndPoint(parse.GetValue(listen)!, out var endPoint))
            {
                await error.WriteLineAsync($"--listen must be ADDRESS:PORT such as 127.0.0.1:3000, not '{parse.GetValue(listen)}'.");
                return ExitCodes.InvalidArguments;
            }

            var seedFile = parse.GetValue(seed);
            Newtonsoft.Json.Linq.JObject? seedDocument = null;
            if (seedFile is not null)
            {
                try
                {
                    seedDocument = EmulatorSeed.FromFile(seedFile.FullName);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    await error.WriteLineAsync($"Cannot read the seed {seedFile.FullName}: {e.Message}");
                    return ExitCodes.InvalidArguments;
                }
            }

            var withControl = parse.GetValue(control);
            if (withControl && !IPAddress.IsLoopback(endPoint.Address))
            {
                await error.WriteLineAsync($"Warning: the /emulator control routes need no credentials and {endPoint.Address} is not a loopback address.");
            }

            await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Address = endPoint.Address, Port = endPoint.Port, Seed = seedDocument, Control = withControl }, cancellationToken);
            await output.WriteLineAsync($"ManageIQ API emulator listening on {emulator.BaseUri}api");
            if (withControl)
            {
                await output.WriteLineAsync($"Control routes under {emulator.BaseUri}emulator (requests, faults, container_images).");
            }

            if (seedDocument is null)
            {
                await output.WriteLineAsync("Default appliance: user admin, password smartvm. Press Ctrl-C to stop.");
            }

            await output.FlushAsync(CancellationToken.None);

            // Ctrl-C and SIGTERM stop the emulator cleanly, whatever the invocation's own signal handling does.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop(stop));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop(stop));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping the emulator.");
            }

            return 0;
        });
        return command;
    }

    private static Action<PosixSignalContext> Stop(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        stop.Cancel();
    };

    internal static bool TryParseEndPoint(string text, out IPEndPoint endPoint)
    {
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text[..colon] == "localhost" && int.TryParse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }

        return IPEndPoint.TryParse(text, out endPoint!) && text.Contains(':', StringComparison.Ordinal);
    }
}
