using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Scanner.Tests.Oscap;

/// <summary>oscap runs with an allow-listed environment: secrets of this process never reach it.</summary>
[CancelAfter(60_000)]
[NonParallelizable]
public class OscapEnvironmentTests
{
    private static readonly string[] Secrets = ["INSPECTOR_AUTH_TOKEN", "MANAGEIQ_PASSWORD", "MANAGEIQ_TOKEN", "HTTPS_PROXY", "https_proxy", "HOME"];

    [Test]
    public async Task RunAsync_SecretsInThisProcess_DoNotReachOscap()
    {
        using var directory = new TempDirectory();
        var dump = directory.Combine("environment.txt");
        var oscap = FakeOscap.Write(directory, $"env > '{dump}'");
        var saved = Secrets.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in Secrets)
            {
                Environment.SetEnvironmentVariable(name, name.Contains("PROXY", StringComparison.OrdinalIgnoreCase) ? "http://user:canary-secret@proxy:3128" : "canary-secret");
            }

            await using var services = ScannerServices.Build(directory, oscapExecutable: oscap);
            var result = await services.GetRequiredService<IOscapProcess>().RunAsync(new OscapInvocation
            {
                Arguments = ["xccdf", "eval"],
                Environment = new Dictionary<string, string> { ["OSCAP_PROBE_ROOT"] = "/probe/root", ["APT_CONFIG"] = "/work/apt.conf" },
                WorkingDirectory = directory.Path,
                Timeout = TimeSpan.FromSeconds(30),
            }, CancellationToken.None);
            Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        var variables = File.ReadAllLines(dump).Select(l => l.Split('=', 2)[0]).ToList();
        Assert.That(File.ReadAllText(dump), Does.Not.Contain("canary-secret"));
        Assert.That(variables, Does.Contain("OSCAP_PROBE_ROOT").And.Contain("APT_CONFIG").And.Contain("PATH"));
        // sh adds PWD, SHLVL and _ itself; anything else came from the allow-list.
        Assert.That(variables.Except(["PWD", "SHLVL", "_", "OLDPWD"]), Is.SubsetOf(OscapEnvironment.Inherited.Concat(["OSCAP_PROBE_ROOT", "APT_CONFIG"])));
    }

    [Test]
    public void Build_OnlyAllowListedVariablesAreInherited()
    {
        var parent = new Dictionary<string, string?> { ["PATH"] = "/usr/bin", ["LANG"] = "C.UTF-8", ["MANAGEIQ_USER"] = "admin", ["TMPDIR"] = "/scratch" };

        var environment = OscapEnvironment.Build(new Dictionary<string, string> { ["OSCAP_EVALUATION_TARGET"] = "image" }, n => parent.GetValueOrDefault(n));

        Assert.That(environment, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin",
            ["LANG"] = "C.UTF-8",
            ["TMPDIR"] = "/scratch",
            ["OSCAP_EVALUATION_TARGET"] = "image",
        }));
    }

    [Test]
    public void Build_NoPathInThisProcess_UsesTheSystemDirectories()
    {
        Assert.That(OscapEnvironment.Build(new Dictionary<string, string>(), _ => null)["PATH"], Is.EqualTo(OscapEnvironment.DefaultPath));
    }

    [TestCase("LD_PRELOAD")]
    [TestCase("INSPECTOR_AUTH_TOKEN")]
    [TestCase("OSCAP_")]
    public void Build_InvocationVariableOutsideTheAllowList_Throws(string name)
    {
        Assert.That(() => OscapEnvironment.Build(new Dictionary<string, string> { [name] = "x" }, _ => null),
            Throws.ArgumentException.With.Message.Contain(name));
    }
}
