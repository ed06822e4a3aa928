using System.CommandLine;
using ManageIQ.OpenScap.Bridge.CommandLine;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary><c>bridge policies</c> in process against the emulator: output, exit codes (docs/exit-codes.md), the shipped files.</summary>
[CancelAfter(60_000)]
public sealed class PoliciesCommandTests
{
    [Test]
    public async Task Register_TwiceWithTheShippedFiles_CreatesThenChangesNothing_ExitZero(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(cancellationToken: cancellationToken);
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, emulator.BaseUri);

        var first = await InvokeAsync(["policies", "register", "--config", config], cancellationToken);
        var second = await InvokeAsync(["policies", "register", "--config", config], cancellationToken);
        var export = await InvokeAsync(["policies", "export", "--config", config, "--profile", "openscap profile (bridge)"], cancellationToken);

        Assert.That((first.ExitCode, second.ExitCode, export.ExitCode), Is.EqualTo((ExitCodes.Passed, ExitCodes.Passed, ExitCodes.Passed)), first.Error + second.Error + export.Error);
        Assert.That(first.Output, Does.Contain("created    profile 'openscap profile (bridge)'").And.Contain("0 conflict(s), 0 failure(s)"));
        Assert.That(second.Output, Does.EndWith("0 change(s), 0 conflict(s), 0 failure(s)" + Environment.NewLine));
        Assert.That(export.Output, Does.StartWith("---").And.Contain("guid: 5edd09f9-abd2-4175-9c0e-43d509e048ed").And.Not.Contain("strict"));
    }

    [Test]
    public async Task Register_WhenAUsersObjectHoldsAName_ExitsWithTheConflictCode(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(cancellationToken: cancellationToken);
        emulator.Store.Read(s => s.Conditions.Add(new JObject
        {
            ["name"] = "openscap bridge no failed rule",
            ["description"] = "a user's condition",
            ["guid"] = "11111111-2222-4333-8444-555555555555",
            ["towhat"] = "ContainerImage",
            ["read_only"] = false,
            ["notes"] = null,
            ["expression"] = new JObject { ["exp"] = new JObject() },
        }));
        using var directory = new TempDirectory();

        var run = await InvokeAsync(["policies", "register", "--config", WriteConfig(directory, emulator.BaseUri)], cancellationToken);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.PolicyConflict), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("conflict   condition 'openscap bridge no failed rule'").And.Contain("11111111-2222-4333-8444-555555555555"));
    }

    [Test]
    public async Task Assign_AndUnregister_ExitZero_AndUnassign(CancellationToken cancellationToken)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(cancellationToken: cancellationToken);
        using var directory = new TempDirectory();
        var config = WriteConfig(directory, emulator.BaseUri);
        await InvokeAsync(["policies", "register", "--config", config], cancellationToken);

        var assign = await InvokeAsync(["policies", "assign", "--config", config, "--provider", "1"], cancellationToken);
        var assigned = emulator.Store.ProfilesOf(1);
        var unregister = await InvokeAsync(["policies", "unregister", "--config", config], cancellationToken);

        Assert.That((assign.ExitCode, unregister.ExitCode), Is.EqualTo((ExitCodes.Passed, ExitCodes.Passed)), assign.Output + assign.Error + unregister.Error);
        Assert.That(assigned, Has.Count.EqualTo(1));
        Assert.That(unregister.Output, Does.Contain("unassigned assignment").And.Contain("7 change(s)"));
        Assert.That(emulator.Store.ProfilesOf(1), Is.Empty);
    }

    [Test]
    public async Task BadInput_ExitsOne_AndManageIqDown_ExitsNine(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        var down = WriteConfig(directory, new Uri("http://127.0.0.1:9/"));
        File.WriteAllText(directory.Combine("broken.yaml"), "- MiqPolicy: {}\n");

        var yesAlone = await InvokeAsync(["policies", "unregister", "--config", down, "--yes"], cancellationToken);
        var badFile = await InvokeAsync(["policies", "register", "--config", down, "--directory", directory.Path], cancellationToken);
        var unreachable = await InvokeAsync(["policies", "register", "--config", down], cancellationToken);

        Assert.That(yesAlone.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(badFile.ExitCode, Is.EqualTo(ExitCodes.InvalidArguments));
        Assert.That(badFile.Error, Does.Contain("broken.yaml").And.Contain("MiqPolicySet"));
        Assert.That(unreachable.ExitCode, Is.EqualTo(ExitCodes.ManageIqUnreachable), unreachable.Error);
    }

    private static string WriteConfig(TempDirectory directory, Uri baseUrl)
    {
        var path = directory.Combine("appsettings.json");
        File.WriteAllText(path, new JObject
        {
            ["ManageIq"] = new JObject
            {
                ["BaseUrl"] = baseUrl.AbsoluteUri,
                ["User"] = "admin",
                ["Password"] = "smartvm",
                ["MaxRetries"] = 1,
                ["RetryBaseDelay"] = "00:00:00.010",
                ["RetryMaxDelay"] = "00:00:00.020",
                ["RequestTimeout"] = "00:00:05",
            },
        }.ToString());
        return path;
    }

    private static async Task<Run> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return new Run(exitCode, output.ToString(), error.ToString());
    }

    private sealed record Run(int ExitCode, string Output, string Error);
}
