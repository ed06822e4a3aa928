using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary><c>emulator</c>: a real Kestrel listener answering as a fresh appliance until cancelled.</summary>
[CancelAfter(60_000)]
public sealed partial class EmulatorCommandTests
{
    [Test]
    public async Task Emulator_PortZero_PrintsUrlServesApiAndStopsOnCancel(CancellationToken cancellationToken)
    {
        await using var emulator = await InProcessEmulator.StartAsync(["emulator", "--listen", "127.0.0.1:0"], cancellationToken);
        Assert.That(emulator.Url.Host, Is.EqualTo("127.0.0.1"));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:smartvm")));
        var entrypoint = await http.GetStringAsync(emulator.Url, cancellationToken);
        Assert.That(entrypoint, Does.Contain("\"name\":\"API\"").And.Contain("container_images"));
        using (var control = await http.GetAsync(new Uri(emulator.Url, "/emulator/requests"), cancellationToken))
        {
            Assert.That((int)control.StatusCode, Is.EqualTo(404), "no control routes without --control");
        }

        Assert.That(await emulator.StopAsync(), Is.Zero);
        Assert.That(emulator.Error, Is.Empty);
        Assert.That(emulator.Output, Does.Contain("user admin, password smartvm"));
    }

    [Test]
    public async Task Emulator_Control_ServesTheControlRoutes(CancellationToken cancellationToken)
    {
        await using var emulator = await InProcessEmulator.StartAsync(["emulator", "--listen", "127.0.0.1:0", "--control"], cancellationToken);
        using var http = new HttpClient();
        using var fault = await http.PostAsync(new Uri(emulator.Url, "/emulator/faults"), new StringContent("""{"method":"GET","pathPrefix":"/api/ping","status":503}""", Encoding.UTF8, "application/json"), cancellationToken);
        Assert.That((int)fault.StatusCode, Is.EqualTo(200));
        using (var ping = await http.GetAsync(new Uri(emulator.Url + "/ping"), cancellationToken))
        {
            Assert.That((int)ping.StatusCode, Is.EqualTo(503));
        }

        var requests = await http.GetStringAsync(new Uri(emulator.Url, "/emulator/requests"), cancellationToken);
        Assert.That(requests, Does.Contain("\"path\":\"/api/ping\"").And.Contain("\"status\":503"));
        Assert.That(await emulator.StopAsync(), Is.Zero);
        Assert.That(emulator.Error, Is.Empty, "loopback: no warning");
        Assert.That(emulator.Output, Does.Contain("Control routes under http://127.0.0.1:"));
    }

    [Test]
    public async Task Emulator_SeedFile_ServesItsProviders(CancellationToken cancellationToken)
    {
        using var dir = new TempDirectory();
        var seed = dir.Combine("seed.json");
        await File.WriteAllTextAsync(seed, """
            {"users":[{"id":1,"userid":"demo","password":"demo-pass","groups":["g"]}],
             "groups":[{"id":1,"description":"g","role":"r","features":["everything"]}],
             "providers":[{"id":7,"name":"demo-cluster","type":"ManageIQ::Providers::Kubernetes::ContainerManager"}]}
            """, cancellationToken);
        await using var emulator = await InProcessEmulator.StartAsync(["emulator", "--listen", "localhost:0", "--seed", seed], cancellationToken);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo-pass")));
        var providers = await http.GetStringAsync(new Uri(emulator.Url + "/providers?expand=resources"), cancellationToken);
        Assert.That(providers, Does.Contain("\"name\":\"demo-cluster\"").And.Contain("\"id\":\"7\""));
        Assert.That(await emulator.StopAsync(), Is.Zero);
    }

    [Test]
    public async Task Emulator_AsProcess_StopsCleanlyOnCtrlC(CancellationToken cancellationToken)
    {
        // A test run started in the background inherits SIGINT ignored, and the runtime keeps it so: restore the default.
        var psi = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "ManageIQ.OpenScap.Bridge.dll"), "emulator", "--listen", "127.0.0.1:0" })
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi)!;
        // Drain standard error: a child blocked on a full pipe never reaches its shutdown.
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(cancellationToken);
            var rest = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var url = new Uri(ListeningLine().Match(first ?? string.Empty).Groups[1].Value);
            using var http = new HttpClient();
            Assert.That(await http.GetStringAsync(new Uri(url + "/ping"), cancellationToken), Is.EqualTo("pong"));

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(cancellationToken);
            }

            await process.WaitForExitAsync(cancellationToken);
            Assert.That(process.ExitCode, Is.Zero);
            Assert.That(await rest, Does.Contain("Stopping the emulator."));
            await errors;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [TestCase("nonsense")]
    [TestCase("127.0.0.1")]
    [TestCase("127.0.0.1:99999")]
    public async Task Emulator_BadListen_ExitsTwoNamingTheValue(string listen)
    {
        using var error = new StringWriter();
        var code = await BridgeCommandLine.Create().Parse(["emulator", "--listen", listen])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.That(code, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(error.ToString(), Does.Contain($"not '{listen}'"));
    }

    [Test]
    public async Task Emulator_MalformedSeed_ExitsTwoNamingTheFile()
    {
        using var dir = new TempDirectory();
        var seed = dir.Combine("broken.json");
        await File.WriteAllTextAsync(seed, "{\"providers\": [");
        using var error = new StringWriter();
        var code = await BridgeCommandLine.Create().Parse(["emulator", "--listen", "127.0.0.1:0", "--seed", seed])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        Assert.That(code, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(error.ToString(), Does.Contain(seed));
    }

    [GeneratedRegex(@"listening on (http://\S+/api)")]
    private static partial Regex ListeningLine();

    /// <summary>The <c>emulator</c> verb invoked in-process, its output captured, until <see cref="StopAsync"/>.</summary>
    private sealed class InProcessEmulator : IAsyncDisposable
    {
        private readonly StringWriter _output = new();
        private readonly StringWriter _error = new();
        private readonly CancellationTokenSource _stop;
        private readonly Task<int> _run;

        private InProcessEmulator(string[] args, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            SynchronizedOutput = TextWriter.Synchronized(_output);
            _run = BridgeCommandLine.Create().Parse(args)
                .InvokeAsync(new InvocationConfiguration { Output = SynchronizedOutput, Error = _error }, _stop.Token);
        }

        public Uri Url { get; private set; } = null!;

        public string Output
        {
            get
            {
                lock (SynchronizedOutput)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error => _error.ToString();

        private TextWriter SynchronizedOutput { get; }

        public static async Task<InProcessEmulator> StartAsync(string[] args, CancellationToken cancellationToken)
        {
            var emulator = new InProcessEmulator(args, cancellationToken);
            Match match;
            while (!(match = ListeningLine().Match(emulator.Output)).Success)
            {
                if (emulator._run.IsCompleted)
                {
                    Assert.Fail($"The emulator exited with {await emulator._run} before listening: {emulator.Error}");
                }

                await Task.Delay(50, cancellationToken);
            }

            emulator.Url = new Uri(match.Groups[1].Value);
            return emulator;
        }

        /// <summary>Cancels the invocation (as Ctrl-C does) and returns its exit code.</summary>
        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
            _output.Dispose();
            _error.Dispose();
        }
    }
}
