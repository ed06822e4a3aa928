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
        using var output = new StringWriter();
        using var error = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = BridgeCommandLine.Create().Parse(["emulator", "--listen", "127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = synchronizedOutput, Error = error }, stop.Token);

        var url = await WaitForUrlAsync(synchronizedOutput, output, cancellationToken);
        Assert.That(url.Host, Is.EqualTo("127.0.0.1"));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:smartvm")));
        var entrypoint = await http.GetStringAsync(url, cancellationToken);
        Assert.That(entrypoint, Does.Contain("\"name\":\"API\"").And.Contain("container_images"));

        await stop.CancelAsync();
        Assert.That(await run, Is.Zero);
        Assert.That(error.ToString(), Is.Empty);
        Assert.That(output.ToString(), Does.Contain("user admin, password smartvm"));
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
        using var output = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = BridgeCommandLine.Create().Parse(["emulator", "--listen", "localhost:0", "--seed", seed])
            .InvokeAsync(new InvocationConfiguration { Output = synchronizedOutput, Error = new StringWriter() }, stop.Token);

        var url = await WaitForUrlAsync(synchronizedOutput, output, cancellationToken);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:demo-pass")));
        var providers = await http.GetStringAsync(new Uri(url + "/providers?expand=resources"), cancellationToken);
        Assert.That(providers, Does.Contain("\"name\":\"demo-cluster\"").And.Contain("\"id\":\"7\""));
        await stop.CancelAsync();
        Assert.That(await run, Is.Zero);
    }

    [Test]
    public async Task Emulator_AsProcess_StopsCleanlyOnCtrlC(CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ManageIQ.OpenScap.Bridge.dll"), "emulator", "--listen", "127.0.0.1:0" })
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psi)!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(cancellationToken);
            var url = new Uri(ListeningLine().Match(first ?? string.Empty).Groups[1].Value);
            using var http = new HttpClient();
            Assert.That(await http.GetStringAsync(new Uri(url + "/ping"), cancellationToken), Is.EqualTo("pong"));

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(cancellationToken);
            }

            await process.WaitForExitAsync(cancellationToken);
            Assert.That(process.ExitCode, Is.Zero);
            Assert.That(await process.StandardOutput.ReadToEndAsync(cancellationToken), Does.Contain("Stopping the emulator."));
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

    private static async Task<Uri> WaitForUrlAsync(TextWriter synchronized, StringWriter output, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string text;
            lock (synchronized)
            {
                text = output.ToString();
            }

            var match = ListeningLine().Match(text);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    [GeneratedRegex(@"listening on (http://\S+/api)")]
    private static partial Regex ListeningLine();
}
